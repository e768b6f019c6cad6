// The cell encoding of the whole-data export, as a property on real SQLite: any value stored in a
// column of any affinity, encoded, written as a CSV field, parsed back, decoded and stored again,
// comes back with the same storage class and value. Plus the readable cases the scheme promises.
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  affinityOf,
  csvRecord,
  decodeCell,
  encodeCell,
  type Affinity,
  type SqlValue,
} from '../../electron/services/dataCells';
import { typed } from '../support/dataExport';

const columns: [string, string][] = [
  ['none', ''],
  ['i', 'INTEGER'],
  ['r', 'REAL'],
  ['s', 'TEXT'],
  ['n', 'NUMERIC'],
  ['v', 'VARCHAR(10)'],
  ['d', 'DOUBLE PRECISION'],
  ['b', 'BLOB'],
  ['dt', 'DATETIME'],
];
const affinities = columns.map(([, type]) => affinityOf(type));

let db: Database.Database;

beforeAll(() => {
  db = new Database(':memory:');
  for (const t of ['source', 'target']) {
    db.exec(`CREATE TABLE ${t} (${columns.map(([c, type]) => `${c} ${type}`).join(', ')})`);
  }
});
afterAll(() => db.close());

function readRow(table: string): unknown[] {
  return db.prepare(`SELECT * FROM ${table}`).raw(true).safeIntegers(true).get() as unknown[];
}

/** Stores `value` in every column, then sends what SQLite kept through the CSV and back. */
function roundTrip(value: SqlValue): { before: string[]; after: string[]; csv: string } {
  db.exec('DELETE FROM source; DELETE FROM target');
  db.prepare(`INSERT INTO source VALUES (${columns.map(() => '?').join(', ')})`).run(
    columns.map(() => value),
  );
  const stored = readRow('source') as SqlValue[];
  const csv = csvRecord(stored.map((v, i) => encodeCell(v, affinities[i]!)));
  const [fields] = parse(csv) as string[][];
  const decoded = fields!.map((f, i) => decodeCell(f, affinities[i]!));
  db.prepare(`INSERT INTO target VALUES (${columns.map(() => '?').join(', ')})`).run(decoded);
  return { before: stored.map(typed), after: readRow('target').map(typed), csv };
}

describe('the cell encoding', () => {
  it('maps declared types to SQLite affinities', () => {
    expect(affinities).toEqual<Affinity[]>([
      'BLOB',
      'INTEGER',
      'REAL',
      'TEXT',
      'NUMERIC',
      'TEXT',
      'REAL',
      'BLOB',
      'NUMERIC',
    ]);
  });

  it('round-trips every storage class in every affinity (property)', () => {
    const value: fc.Arbitrary<SqlValue> = fc.oneof(
      fc.constant(null),
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
      fc.double(),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('3', '-0', '1e5', ' 3 ', '\\N', '\\', '\\T', '=1+1', '-5', '', '0x10'),
      fc.uint8Array({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(value, (v) => {
        const { before, after } = roundTrip(v);
        expect(after).toEqual(before);
      }),
      { numRuns: 2000, seed: 20261129 },
    );
  });

  it('writes ordinary values as themselves and tags only where needed', () => {
    const cases: [SqlValue, Affinity, string][] = [
      [null, 'TEXT', '\\N'],
      ['', 'TEXT', ''],
      ['\\N', 'TEXT', '\\\\N'],
      ['路灯, "甲"', 'TEXT', '路灯, "甲"'],
      ['=SUM(A1)', 'TEXT', '\\T=SUM(A1)'],
      ['42', 'TEXT', '42'],
      ['42', 'INTEGER', '\\T42'],
      [42n, 'INTEGER', '42'],
      [42n, 'TEXT', '\\I42'],
      [2.5, 'REAL', '2.5'],
      [3, 'REAL', '3'],
      [2.5, 'INTEGER', '2.5'],
      [3, 'BLOB', '\\R3'],
      [Infinity, 'REAL', '\\RInfinity'],
      [new Uint8Array([0, 255]), 'TEXT', '\\BAP8='],
    ];
    for (const [value, affinity, field] of cases) {
      expect(encodeCell(value, affinity), `${String(value)} in ${affinity}`).toBe(field);
    }
    expect(csvRecord(['a,b', 'say "hi"', '', 'x\ny', 'plain'])).toBe(
      '"a,b","say ""hi""","","x\ny",plain\r\n',
    );
  });

  it('refuses fields that follow no rule', () => {
    for (const field of ['\\Q', '\\Nx', '\\I1.5', '\\I99999999999999999999', '\\Rabc', '\\B!!']) {
      expect(() => decodeCell(field, 'TEXT'), field).toThrow();
    }
  });
});
