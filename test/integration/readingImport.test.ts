// Importing readings from real CSV/XLSX bytes into a real SQLite file (importReadings, the code
// the job worker and the CLI run): long and wide sheets, GBK headers, zones given or asked for,
// cumulative and interval values, the dry run's problems by kind, all or nothing, a re-import
// changing nothing, and negative deltas entering the review queue.
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import type { Ctx } from '../../electron/context';
import { writeXlsx } from '../../electron/services/xlsxBridge';
import { importReadings, type ReadingImportRequest } from '../../electron/services/readingImport';
import type { Asset } from '../../shared/contract/assets';
import { DeskError } from '../../shared/contract/errors';
import { call } from '../support/api';
import { dumpDb } from '../support/dump';
import { createMeter, dailyMap, sh, utc } from '../support/meters';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;
let ctx: Ctx;
let a: Asset;
let b: Asset;

beforeEach(() => {
  t = openTempApi('导入员');
  api = t.api;
  ctx = { core: api.core, db: api.core.db, actor: '导入员' };
  const first = createMeter(api, 'W-101');
  a = first.meter;
  b = createMeter(api, 'W-102', {}, first.campus).meter;
});

afterEach(() => t.cleanup());

const csv = (text: string, encoding: 'utf-8' | 'gbk' = 'utf-8') =>
  (encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf-8')).toString('base64');

function run(content: string, extra: Partial<ReadingImportRequest> = {}) {
  return importReadings(ctx, {
    fileName: 'readings.csv',
    contentBase64: content,
    values: 'cumulative',
    dryRun: false,
    ...extra,
  });
}

function refusal(fn: () => unknown): DeskError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const readings = (meterId: string) =>
  call(api, 'meters.readings', { meterId, limit: 1000 })
    .items.map((r) => [r.at, r.value] as const)
    .reverse();

describe('long sheets', () => {
  const long = [
    '表号,抄表时间,读数',
    'W-101,2025-03-01T08:00:00+08:00,100',
    'W-101,2025-03-02T08:00:00+08:00,110.5',
    'W-102,2025-03-01T08:00:00Z,5',
    'W-102,2025-03-02T08:00:00Z,7',
  ].join('\n');

  it('imports readings with their zones and rolls them up by local day', () => {
    const { report, result } = run(csv(long));
    expect(result).toEqual({ inserted: 4, unchanged: 0, meters: 2, reviews: 0 });
    expect(report).toMatchObject({ layout: 'long', rows: 4, readings: 4, zone: null });
    expect(readings(a.id)).toEqual([
      [utc('2025-03-01 08:00'), 100],
      [utc('2025-03-02 08:00'), 110.5],
    ]);
    // 10.5 over exactly one day from 08:00 to 08:00: 16 h on 03-01, 8 h on 03-02.
    const days = dailyMap(api, a.id);
    expect(days.get('2025-03-01')).toBeCloseTo(7, 9);
    expect(days.get('2025-03-02')).toBeCloseTo(3.5, 9);
  });

  it('changes nothing when the same file is imported again', () => {
    run(csv(long));
    const before = dumpDb(api.core.db);
    const { result } = run(csv(long));
    expect(result).toEqual({ inserted: 0, unchanged: 4, meters: 2, reviews: 0 });
    expect(dumpDb(api.core.db)).toEqual(before);
  });

  it('writes nothing on a dry run and reports what a commit would do', () => {
    const before = dumpDb(api.core.db);
    const { report, result } = run(csv(long), { dryRun: true });
    expect(result).toBeNull();
    expect(report).toMatchObject({ inserts: 4, unchanged: 0, canCommit: true, problemCount: 0 });
    expect(dumpDb(api.core.db)).toEqual(before);
  });

  it('finds meters by serial and reads wall times in the zone given', () => {
    const text = ['出厂编号,时间,读数', 'SN-W-101,2025/3/1 8:00,100', 'SN-W-101,2025/3/2 8:00,120'];
    const asked = run(csv(text.join('\n')), { dryRun: true }).report;
    expect(asked).toMatchObject({ zoneNeeded: true, canCommit: false });
    expect(asked.byKind.no_zone).toBe(2);
    const { result } = run(csv(text.join('\n')), { zone: 'Asia/Shanghai' });
    expect(result?.inserted).toBe(2);
    expect(readings(a.id)[0]).toEqual([utc('2025-03-01 08:00'), 100]);
  });

  it('names every problem by row and kind, and a commit with problems writes nothing', () => {
    const text = [
      'meter,timestamp,value',
      'W-101,2025-03-01T08:00+08:00,100',
      'X-999,2025-03-01T08:00+08:00,1',
      'W-101,not a time,5',
      'W-101,2025-03-02T08:00+08:00,abc',
      'W-101,2025-03-03T08:00+08:00,130',
      'W-101,2025-03-03T08:00+08:00,131',
      'W-101,2025-03-04T08:00+08:00,90',
    ].join('\n');
    const { report } = run(csv(text), { dryRun: true });
    expect(report.byKind).toMatchObject({
      unknown_meter: 1,
      bad_time: 1,
      bad_value: 1,
      duplicate_conflict: 1,
      negative_delta: 1,
    });
    expect(report.problems.map((p) => [p.row, p.kind])).toEqual([
      [3, 'unknown_meter'],
      [4, 'bad_time'],
      [5, 'bad_value'],
      [7, 'duplicate_conflict'],
      [8, 'negative_delta'],
    ]);
    expect(report.canCommit).toBe(false);
    const before = dumpDb(api.core.db);
    const error = refusal(() => run(csv(text)));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('row 3');
    expect(dumpDb(api.core.db)).toEqual(before);
  });

  it('refuses a value that differs from a stored reading at the same instant', () => {
    call(api, 'meters.addReading', { meterId: a.id, at: sh('2025-03-01 08:00'), value: 99 });
    const { report } = run(csv(long), { dryRun: true });
    expect(report.problems).toEqual([
      expect.objectContaining({ row: 2, kind: 'duplicate_conflict', severity: 'error' }),
    ]);
  });

  it('imports a negative delta and puts it in the review queue', () => {
    const text = [
      '表号,时间,读数',
      'W-101,2025-03-01T08:00+08:00,1000',
      'W-101,2025-03-02T08:00+08:00,100',
    ];
    const { result, report } = run(csv(text.join('\n')));
    expect(result?.reviews).toBe(1);
    expect(report.byKind.negative_delta).toBe(1);
    expect(call(api, 'meters.reviews', {}).items.map((r) => r.meterCode)).toEqual(['W-101']);
  });
});

describe('wide sheets', () => {
  it('reads a GBK file with one column per meter, blank cells and a unit in the header', () => {
    const text = [
      '时间,W-101(m³),W-102',
      '2025-03-01 00:00,10,',
      '2025-03-01 01:00,11,20',
      '2025-03-01 02:00,13,21',
    ].join('\r\n');
    const { report, result } = run(csv(text, 'gbk'), { zone: 'Asia/Shanghai' });
    expect(report).toMatchObject({ layout: 'wide', encoding: 'gb18030', rows: 3, readings: 5 });
    expect(result?.inserted).toBe(5);
    expect(readings(b.id)).toEqual([
      [utc('2025-03-01 01:00'), 20],
      [utc('2025-03-01 02:00'), 21],
    ]);
  });

  it('reports an unknown meter column once, on the header row', () => {
    const text = ['时间,W-101,W-999', '2025-03-01 00:00,10,1', '2025-03-01 01:00,11,2'].join('\n');
    const { report } = run(csv(text), { zone: 'Asia/Shanghai', dryRun: true });
    expect(report.problems).toEqual([
      expect.objectContaining({ row: 1, column: 'W-999', kind: 'unknown_meter' }),
    ]);
  });

  it('reads XLSX date cells as wall times in the zone given', () => {
    const bytes = writeXlsx({
      name: 'readings',
      rows: [
        ['时间', 'W-101'],
        ['2025-03-01 00:00', 10],
        ['2025-03-01 01:00', 12],
      ],
    });
    const { result } = run(Buffer.from(bytes).toString('base64'), {
      fileName: 'readings.xlsx',
      zone: 'Asia/Shanghai',
    });
    expect(result?.inserted).toBe(2);
    expect(readings(a.id)).toEqual([
      [utc('2025-03-01 00:00'), 10],
      [utc('2025-03-01 01:00'), 12],
    ]);
  });
});

describe('interval values', () => {
  const text = [
    '时间,W-101',
    '2025-03-01T01:00+08:00,2',
    '2025-03-01T02:00+08:00,3',
    '2025-03-01T03:00+08:00,0.5',
  ].join('\n');

  it('turns amounts per interval into register values from the reading before', () => {
    call(api, 'meters.addReading', { meterId: a.id, at: sh('2025-03-01 00:00'), value: 100 });
    const { result } = run(csv(text), { values: 'interval' });
    expect(result?.inserted).toBe(3);
    expect(readings(a.id).map(([, v]) => v)).toEqual([100, 102, 105, 105.5]);
    expect(dailyMap(api, a.id).get('2025-03-01')).toBeCloseTo(5.5, 9);
  });

  it('starts from zero one step before the first row on a meter without readings, once', () => {
    run(csv(text), { values: 'interval' });
    expect(readings(a.id)).toEqual([
      [utc('2025-03-01 00:00'), 0],
      [utc('2025-03-01 01:00'), 2],
      [utc('2025-03-01 02:00'), 5],
      [utc('2025-03-01 03:00'), 5.5],
    ]);
    const again = run(csv(text), { values: 'interval' }).result;
    expect(again).toMatchObject({ inserted: 0, unchanged: 4 });
  });
});

describe('cancelling', () => {
  it('stops while the file is still being checked and writes nothing', () => {
    const lines = ['表号,时间,读数'];
    for (let i = 0; i < 30_000; i++)
      lines.push(`W-101,${new Date(1.7e12 + i * 3.6e6).toISOString()},${i}`);
    const before = dumpDb(api.core.db);
    const error = refusal(() =>
      importReadings(
        ctx,
        {
          fileName: 'big.csv',
          contentBase64: csv(lines.join('\n')),
          values: 'cumulative',
          dryRun: false,
        },
        { cancelled: () => true },
      ),
    );
    expect(error.details).toEqual({ reason: 'CANCELLED' });
    expect(dumpDb(api.core.db)).toEqual(before);
  });
});

describe('bad files', () => {
  it('refuses a sheet whose header names no layout', () => {
    const error = refusal(() => run(csv('名称,位置\n水表,一楼')));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('表头');
  });
});
