// The dispatch table: method name → validate input → handler → result envelope. Each domain
// registers its handler map; a duplicate name is a programming error caught at start.
import {
  contract,
  isMethodName,
  type Envelope,
  type MethodName,
  type ParsedInputOf,
  type ResultOf,
} from '../shared/contract';
import { DeskError } from '../shared/contract/errors';
import type { Core, Ctx } from './context';
import { toErrorBody, validationError } from './errors';
import { refuseUnpairedSurrogates } from './inputText';
import { analyticsHandlers } from './services/analytics';
import { assetBulkHandlers } from './services/assetBulk';
import { assetsHandlers } from './services/assets';
import { assetTransferHandlers } from './services/assetTransfer';
import { backupHandlers } from './services/backup';
import { dataTransferHandlers } from './services/dataTransfer';
import { auditHandlers } from './services/audit';
import { placesHandlers } from './services/places';
import { systemHandlers } from './services/system';
import { crewsHandlers } from './services/crews';
import { metersHandlers } from './services/meters';
import { partsHandlers } from './services/parts';
import { peopleHandlers } from './services/people';
import { plansHandlers } from './services/plans';
import { readingImportHandlers } from './services/readingImportJobs';
import { settingsHandlers } from './services/settings';
import { requestsHandlers } from './services/requests';
import { workOrdersHandlers } from './services/workOrders';
import { workOrdersPrintHandlers } from './services/workOrderPrint';
import { workOrderViewsHandlers } from './services/workOrderViews';

export type Handler<M extends MethodName> = (input: ParsedInputOf<M>, ctx: Ctx) => ResultOf<M>;
export type Handlers<M extends MethodName> = { [K in M]: Handler<K> };
type AnyHandler = (input: unknown, ctx: Ctx) => unknown;

export function combineHandlers(
  ...maps: Partial<Handlers<MethodName>>[]
): Map<MethodName, AnyHandler> {
  const table = new Map<MethodName, AnyHandler>();
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (!isMethodName(name)) throw new Error(`Handler for a method not in the contract: ${name}`);
      if (table.has(name)) throw new Error(`Two handlers registered for ${name}`);
      table.set(name, handler as AnyHandler);
    }
  }
  return table;
}

export interface Api {
  dispatch(method: string, input: unknown): Envelope<unknown>;
  readonly core: Core;
}

export interface ApiOptions {
  /** Also check each result against the contract (tests turn this on to catch drift). */
  validateResults?: boolean;
}

export function createApi(core: Core, options: ApiOptions = {}): Api {
  const table = combineHandlers(
    systemHandlers,
    placesHandlers,
    assetsHandlers,
    assetBulkHandlers,
    assetTransferHandlers,
    backupHandlers,
    auditHandlers,
    dataTransferHandlers,
    crewsHandlers,
    workOrdersHandlers,
    workOrdersPrintHandlers,
    requestsHandlers,
    workOrderViewsHandlers,
    partsHandlers,
    plansHandlers,
    metersHandlers,
    readingImportHandlers,
    settingsHandlers,
    peopleHandlers,
    analyticsHandlers,
  );
  for (const name of Object.keys(contract)) {
    if (!table.has(name as MethodName)) throw new Error(`No handler for ${name}`);
  }

  function dispatch(method: string, input: unknown): Envelope<unknown> {
    try {
      if (!isMethodName(method)) {
        throw new DeskError('UNKNOWN_METHOD', `Unknown method: ${method.slice(0, 100)}`, {
          method: method.slice(0, 100),
        });
      }
      const spec = contract[method];
      refuseUnpairedSurrogates(input);
      // An absent body means no arguments; an explicit null is malformed and refused.
      const parsed = spec.input.safeParse(input === undefined ? {} : input);
      if (!parsed.success) throw validationError(parsed.error);
      const handler = table.get(method) as AnyHandler;
      const result = handler(parsed.data, { core, db: core.db, actor: core.operator });
      if (options.validateResults) {
        const checked = spec.result.safeParse(result);
        if (!checked.success) throw validationError(checked.error, `result of ${method}`);
      }
      return { ok: true, result };
    } catch (error) {
      return { ok: false, error: toErrorBody(error) };
    }
  }

  return { dispatch, core };
}
