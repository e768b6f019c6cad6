// Typed helpers over the dispatch table: call a method and unwrap its result, or expect a failure and
// get its error body; plus a small factory for a place tree with Chinese names.
import type { Api } from '../../electron/api';
import type { ApiErrorBody, InputOf, MethodName, ResultOf } from '../../shared/contract';
import type { Place } from '../../shared/contract/places';

/** Calls a method that must succeed; a failure throws with its error body in the message. */
export function call<M extends MethodName>(api: Api, method: M, input: InputOf<M>): ResultOf<M> {
  const envelope = api.dispatch(method, input);
  if (!envelope.ok) {
    throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
  }
  return envelope.result as ResultOf<M>;
}

/** Calls a method (with any input at all) that must fail, and returns its error body. */
export function callError(api: Api, method: string, input: unknown): ApiErrorBody {
  const envelope = api.dispatch(method, input);
  if (envelope.ok) {
    throw new Error(`${method} unexpectedly succeeded: ${JSON.stringify(envelope.result)}`);
  }
  return envelope.error;
}

/** The field paths a VALIDATION error names in details.issues. */
export function issuePaths(error: ApiErrorBody): string[] {
  const details = error.details as { issues?: { path: string }[] } | undefined;
  return (details?.issues ?? []).map((i) => i.path);
}

export interface Tree {
  site: Place;
  building: Place;
  floor: Place;
  room: Place;
}

/** site → building → floor → room, with Chinese names and codes unique within their parent. */
export function createTree(api: Api, suffix = ''): Tree {
  const site = call(api, 'places.create', {
    kind: 'site',
    parentId: null,
    name: `职业技术学院主校区${suffix}`,
    code: `XQ${suffix}`,
  });
  const building = call(api, 'places.create', {
    kind: 'building',
    parentId: site.id,
    name: `第一教学楼${suffix}`,
    code: 'JX-A',
    use: 'teaching',
    areaM2: 9000,
  });
  const floor = call(api, 'places.create', {
    kind: 'floor',
    parentId: building.id,
    name: '1层',
    code: 'JX-A-1F',
    floorNumber: 1,
  });
  const room = call(api, 'places.create', {
    kind: 'room',
    parentId: floor.id,
    name: '多媒体教室A101',
    code: 'A101',
    areaM2: 96.5,
  });
  return { site, building, floor, room };
}
