// Hostile input to every meters.* method, as the API-wide fuzz test does for the methods it knows
// (it names these as "not yet fuzzed" until its list grows): each of the sweep's values in every
// field of a valid input, then seeded random mutations. Every answer is an envelope; an error is a
// known code other than INTERNAL with a message and leaves the database as it was; the read-only
// methods leave it as it was even when they succeed; results pass the contract (validated).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { contract, isErrorCode, methodNames, type Envelope } from '../../shared/contract';
import { importEnded } from '../../electron/worker/importJobs';
import { call } from '../support/api';
import {
  applyMutations,
  describeInput,
  leafPaths,
  mutation,
  sweepValues,
  withValueAt,
} from '../support/fuzzValues';
import { addReading, createMeter, sh } from '../support/meters';
import { mixSeed } from '../support/prng';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;
let bases: Record<string, unknown>;
let known: unknown[];

const READ_ONLY = new Set([
  'meters.readings',
  'meters.checkReading',
  'meters.events',
  'meters.daily',
  'meters.monthly',
  'meters.yearly',
  'meters.reviews',
  'meters.round',
  'meters.importStart',
  'meters.importJob',
  'meters.importCancel',
]);
const TABLES = [
  'meter_keys',
  'meter_entries',
  'meter_readings',
  'meter_events',
  'meter_daily',
  'meter_reviews',
  'assets',
];

function fingerprint(): string {
  const db = api.core.db;
  const parts = TABLES.map((name) => JSON.stringify(db.prepare(`SELECT * FROM ${name}`).all()));
  parts.push(String(db.prepare('SELECT count(*) FROM audit_log').pluck().get()));
  return parts.join('\n');
}

beforeAll(async () => {
  t = openTempApi('模糊测试');
  api = t.api;
  const { campus, meter } = createMeter(api, 'SB-FZ', { registerDigits: 6 });
  addReading(api, meter.id, '2024-01-01 10:00', 1000);
  addReading(api, meter.id, '2024-02-01 10:00', 1300);
  addReading(api, meter.id, '2024-03-01 10:00', 1250);
  const event = call(api, 'meters.addEvent', {
    meterId: meter.id,
    kind: 'replace',
    at: sh('2024-03-15 10:00'),
    closing: 1400,
    opening: 0,
  });
  addReading(api, meter.id, '2024-04-01 10:00', 170);
  const review = call(api, 'meters.reviews', { meterId: meter.id }).items[0]!;
  const unknownMeterCsv = Buffer.from(
    'meter,timestamp,value\nNO-SUCH,2024-01-01T00:00Z,1',
  ).toString('base64');
  const job = call(api, 'meters.importStart', {
    fileName: 'fuzz.csv',
    contentBase64: unknownMeterCsv,
  });
  await importEnded(job.jobId);
  const m = meter.id;
  bases = {
    'meters.addReading': {
      meterId: m,
      at: sh('2024-05-01 10:00'),
      value: 400,
      estimated: true,
      source: 'import',
    },
    'meters.editReading': {
      meterId: m,
      at: sh('2024-04-01 10:00'),
      patch: { value: 180, estimated: false },
    },
    'meters.deleteReading': { meterId: m, at: sh('2024-01-01 10:00') },
    'meters.readings': {
      meterId: m,
      from: sh('2024-01-01 00:00'),
      to: sh('2024-12-31 00:00'),
      offset: 0,
      limit: 2,
    },
    'meters.checkReading': { meterId: m, at: sh('2024-05-01 10:00'), value: 300, estimated: false },
    'meters.addEvent': {
      meterId: m,
      kind: 'replace',
      at: sh('2024-04-10 10:00'),
      closing: 200,
      opening: 5,
      multiplier: 2,
      registerDigits: 5,
      serial: 'SN-2',
      note: '换表',
    },
    'meters.deleteEvent': { id: event.id },
    'meters.events': { meterId: m },
    'meters.daily': { meterId: m, from: '2024-01-01', to: '2024-03-31' },
    'meters.monthly': { meterId: m, from: '2024-01', to: '2024-12' },
    'meters.yearly': { meterId: m, from: 2023, to: 2024 },
    'meters.reviews': { status: 'open', meterId: m, offset: 0, limit: 10 },
    'meters.resolveReview': {
      id: review.id,
      resolution: { as: 'typo', reading: 'to', value: 1520 },
      note: '看错',
    },
    'meters.round': { placeId: campus.building.id, utility: 'water', at: sh('2024-05-01 10:00') },
    'meters.rebuild': { meterId: m },
    // A file naming no known meter: a dry run reports it, a commit (a mutated dryRun) is refused,
    // so no job ever writes while the database is compared.
    'meters.importStart': { fileName: 'fuzz.csv', contentBase64: unknownMeterCsv, dryRun: true },
    'meters.importJob': { jobId: job.jobId },
    'meters.importCancel': { jobId: job.jobId },
  };
  known = [
    m,
    event.id,
    review.id,
    campus.building.id,
    campus.site.id,
    sh('2024-02-01 10:00'),
    'replace',
    'rollover',
    1300,
    '2024-02',
  ];
});

afterAll(() => t.cleanup());

function check(where: string, method: string, input: unknown): Envelope<unknown> {
  const before = fingerprint();
  let envelope: Envelope<unknown>;
  try {
    envelope = api.dispatch(method, input);
  } catch (error) {
    throw new Error(`${where}: dispatch threw: ${String(error)}`);
  }
  const context = () => `${where}: ${method} ${describeInput(input)} → ${describeInput(envelope)}`;
  if (envelope.ok) {
    if (READ_ONLY.has(method)) expect(fingerprint(), `read-only ${context()}`).toBe(before);
    return envelope;
  }
  const { code, message } = envelope.error;
  if (code === 'INTERNAL') throw new Error(`INTERNAL error (a bug): ${context()}`);
  expect(isErrorCode(code), context()).toBe(true);
  expect(message.trim().length, context()).toBeGreaterThan(0);
  expect(message, context()).not.toMatch(/^Invalid result of/);
  expect(fingerprint(), `rejected input changed the database: ${context()}`).toBe(before);
  return envelope;
}

describe('hostile input to the meters methods', () => {
  it('has a base input for every meters method', () => {
    const mine = methodNames.filter((name) => name.startsWith('meters.'));
    expect(Object.keys(bases).sort()).toEqual([...mine].sort());
    for (const name of mine) {
      expect(contract[name].input.safeParse(bases[name]).success, name).toBe(true);
    }
  });

  it('answers each sweep value in each field with a clear envelope', () => {
    let n = 0;
    for (const [method, base] of Object.entries(bases)) {
      for (const at of leafPaths(base)) {
        sweepValues().forEach((value, i) => {
          const where = `sweep ${method} ${at.join('.')} = value ${i}`;
          const envelope = check(where, method, withValueAt(base, at, value));
          if (typeof value === 'number' && !Number.isFinite(value)) {
            expect(envelope.ok ? 'ok' : envelope.error.code, where).toBe('VALIDATION');
          }
          n += 1;
        });
      }
    }
    expect(n).toBeGreaterThan(1_500);
  });

  it('answers 1,500 randomly mutated inputs', { timeout: 60_000 }, () => {
    const methods = Object.keys(bases);
    const arb = fc.record({
      method: fc.constantFrom(...methods),
      mutations: fc.array(mutation(known), { minLength: 1, maxLength: 3 }),
    });
    for (let batch = 0; batch < 30; batch++) {
      const seed = mixSeed(6_2026, 60, batch);
      fc.sample(arb, { seed, numRuns: 50 }).forEach((c, i) => {
        check(
          `batch ${batch} case ${i} (seed ${seed})`,
          c.method,
          applyMutations(bases[c.method], c.mutations),
        );
      });
    }
  });
});
