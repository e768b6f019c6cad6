// A typed call through the dispatch for benchmark areas; a failed call aborts the area, since its
// timing would mean nothing.
import type { Api } from '../../electron/api';
import type { InputOf, MethodName, ResultOf } from '../../shared/contract';

export function call<M extends MethodName>(api: Api, method: M, input: InputOf<M>): ResultOf<M> {
  const envelope = api.dispatch(method, input);
  if (!envelope.ok) {
    throw new Error(`${method} failed: ${envelope.error.code} ${envelope.error.message}`);
  }
  return envelope.result as ResultOf<M>;
}

/** Round-robin over inputs so a series does not keep hitting one cached page. */
export function pick<T>(items: readonly T[], i: number): T {
  return items[i % items.length] as T;
}
