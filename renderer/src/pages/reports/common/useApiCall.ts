// Loads one API result for an input and reloads when the input changes (compared by value, so a
// new object with the same fields does not reload). The previous result stays on screen, dimmed
// by `loading`, until the new one arrives; an answer to an input no longer current is dropped.
import { useEffect, useState } from 'react';
import type { InputOf, MethodName, ResultOf } from '../../../../../shared/contract';
import { api } from '../../../api/client';

interface State<M extends MethodName> {
  key: string | null;
  data: ResultOf<M> | null;
  error: unknown;
}

export interface ApiCall<M extends MethodName> {
  data: ResultOf<M> | null;
  error: unknown;
  loading: boolean;
}

/** `input` null: nothing to load yet (no site chosen, say). `generation` forces a reload. */
export function useApiCall<M extends MethodName>(
  method: M,
  input: InputOf<M> | null,
  generation = 0,
): ApiCall<M> {
  const key = input === null ? null : `${generation}|${JSON.stringify(input)}`;
  const [state, setState] = useState<State<M>>({ key: null, data: null, error: null });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    const parsed = JSON.parse(key.slice(key.indexOf('|') + 1)) as InputOf<M>;
    api.call(method, parsed).then(
      (data) => live && setState({ key, data, error: null }),
      (error: unknown) => live && setState({ key, data: null, error }),
    );
    return () => {
      live = false;
    };
  }, [method, key]);
  return {
    data: key === null ? null : state.data,
    error: state.key === key ? state.error : null,
    loading: key !== null && state.key !== key,
  };
}
