// The ordered list of schema migrations. Numbered in steps of ten, forward only; PRAGMA user_version
// holds the number of the last one applied. Add a file and a line here; never edit a shipped one.
import { sql as createPlaces } from './0010-create-places';
import { sql as settingsHeadcounts } from './0020-settings-headcounts';
import { sql as createAssets } from './0030-create-assets';
import { sql as auditNote } from './0040-audit-note';
import { sql as applicationId } from './0050-application-id';
import { sql as auditIndexes } from './0060-audit-indexes';
import { sql as maintenance } from './0070-maintenance';
import { sql as workOrderIndexes } from './0080-work-order-indexes';
import { sql as workOrderSortKeys } from './0090-work-order-sort-keys';
import { sql as meterReadings } from './0100-meter-readings';
import { sql as workOrderPrints } from './0110-work-order-prints';
import { sql as peopleAnalytics } from './0120-people-analytics';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  { version: 10, name: 'create-places', sql: createPlaces },
  { version: 20, name: 'settings-headcounts', sql: settingsHeadcounts },
  { version: 30, name: 'create-assets', sql: createAssets },
  { version: 40, name: 'audit-note', sql: auditNote },
  { version: 50, name: 'application-id', sql: applicationId },
  { version: 60, name: 'audit-indexes', sql: auditIndexes },
  { version: 70, name: 'maintenance', sql: maintenance },
  { version: 80, name: 'work-order-indexes', sql: workOrderIndexes },
  { version: 90, name: 'work-order-sort-keys', sql: workOrderSortKeys },
  { version: 100, name: 'meter-readings', sql: meterReadings },
  { version: 110, name: 'work-order-prints', sql: workOrderPrints },
  { version: 120, name: 'people-analytics', sql: peopleAnalytics },
];

export const latestVersion = migrations[migrations.length - 1]?.version ?? 0;
