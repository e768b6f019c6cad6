// The API contract: every method's name, input schema and result schema. Both transports and the
// renderer's client are typed from this one table.
import type { z } from 'zod';
import { analyticsMethods } from './analytics';
import { assetsMethods } from './assets';
import { assetsTransferMethods } from './assetTransfer';
import { backupMethods } from './backup';
import { dataTransferMethods } from './dataTransfer';
import { auditMethods } from './audit';
import { placesMethods } from './places';
import { crewsMethods } from './crews';
import { metersMethods } from './meters';
import { partsMethods } from './parts';
import { peopleMethods } from './people';
import { metersImportMethods } from './readingImport';
import { plansMethods } from './plans';
import { requestsMethods, workOrdersMethods } from './workOrders';
import { workOrdersPrintMethods } from './workOrderPrint';
import { settingsMethods } from './settings';
import { systemMethods } from './system';

export interface MethodSpec {
  input: z.ZodType;
  result: z.ZodType;
}

export const contract = {
  ...systemMethods,
  ...placesMethods,
  ...assetsMethods,
  ...assetsTransferMethods,
  ...backupMethods,
  ...auditMethods,
  ...dataTransferMethods,
  ...crewsMethods,
  ...workOrdersMethods,
  ...workOrdersPrintMethods,
  ...requestsMethods,
  ...partsMethods,
  ...plansMethods,
  ...metersMethods,
  ...metersImportMethods,
  ...settingsMethods,
  ...peopleMethods,
  ...analyticsMethods,
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type ResultOf<M extends MethodName> = z.output<Contract[M]['result']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './errors';
