// Methods about the running app itself: version, database state, operator, demo data.
import { z } from 'zod';
import { Name } from './common';

export const SystemInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  operator: z.string(),
  /** True while the register holds no place at all: the UI then offers demo data. */
  empty: z.boolean(),
  /** The database could only be opened for reading (read-only media or folder). */
  readOnly: z.boolean(),
  counts: z.record(z.string(), z.number().int()),
});
export type SystemInfo = z.infer<typeof SystemInfo>;

export const systemMethods = {
  'system.info': {
    input: z.object({}).strict(),
    result: SystemInfo,
  },
  'system.setOperator': {
    input: z.object({ name: Name }),
    result: z.object({ operator: z.string() }),
  },
  'system.loadDemo': {
    input: z.object({ scale: z.number().int().min(1).max(20).default(1) }),
    result: z.object({ counts: z.record(z.string(), z.number().int()) }),
  },
} as const;
