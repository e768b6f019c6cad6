// Handlers and SQL of the settings table (one JSON value per key, migration 0020): read with
// defaults filled in, update field by field in one transaction with an audit entry.
import { Settings, type Settings as SettingsValue } from '../../shared/contract/settings';
import type { Handlers } from '../api';
import type { Ctx } from '../context';
import { prepared } from '../store/statementCache';
import { inTransaction, nowIso, writeAudit, type Db } from '../store/tx';

type Method = 'settings.get' | 'settings.update';

const KEYS = Object.keys(Settings.shape) as (keyof SettingsValue)[];

/** The stored settings over the defaults; a stored value the schema no longer accepts is dropped. */
export function readSettings(db: Db): SettingsValue {
  const rows = prepared(db, 'SELECT key, value_json FROM settings').all() as {
    key: string;
    value_json: string;
  }[];
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    if (!(KEYS as string[]).includes(row.key)) continue;
    const field = Settings.shape[row.key as keyof SettingsValue];
    const parsed = field.safeParse(JSON.parse(row.value_json));
    if (parsed.success) stored[row.key] = parsed.data;
  }
  return Settings.parse(stored);
}

function write(ctx: Ctx, before: SettingsValue, after: SettingsValue): void {
  const upsert = prepared(
    ctx.db,
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  );
  const now = nowIso();
  const changed: Partial<Record<keyof SettingsValue, unknown>> = {};
  const was: Partial<Record<keyof SettingsValue, unknown>> = {};
  for (const key of KEYS) {
    const value = JSON.stringify(after[key]);
    if (value === JSON.stringify(before[key])) continue;
    upsert.run(key, value, now);
    // The logo is large; the audit entry records that it changed, not its bytes.
    changed[key] = key === 'logoDataUrl' ? (after.logoDataUrl ? '(新标志)' : null) : after[key];
    was[key] = key === 'logoDataUrl' ? (before.logoDataUrl ? '(原标志)' : null) : before[key];
  }
  if (Object.keys(changed).length === 0) return;
  writeAudit(ctx.db, {
    actor: ctx.actor,
    entity: 'settings',
    entityId: 'settings',
    action: 'update',
    before: was,
    after: changed,
  });
}

export const settingsHandlers: Handlers<Method> = {
  'settings.get': (_input, ctx) => readSettings(ctx.db),
  'settings.update': (patch, ctx) =>
    inTransaction(ctx.db, () => {
      const before = readSettings(ctx.db);
      const named = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const after = Settings.parse({
        ...before,
        ...named,
        standardPersonWeights: { ...before.standardPersonWeights, ...patch.standardPersonWeights },
        leakAlert: { ...before.leakAlert, ...patch.leakAlert },
      });
      write(ctx, before, after);
      return after;
    }),
};
