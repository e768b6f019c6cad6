// Reads a readings sheet (rows of text, as tableFile.ts gives them) into readings per meter
// reference: which layout it is, which column holds what, every timestamp as a UTC instant and
// every value as a number, with a problem named for each cell that cannot be read.
//   long: one reading per row — meter code or serial, timestamp, value (and optionally a flag
//         for estimated reads), headed in Chinese or English;
//   wide: timestamp first, then one column per meter headed by its code or serial; an empty cell
//         is a meter that did not report, not a problem.
import type {
  ReadingImportProblem,
  ReadingLayout,
  ReadingProblemKind,
} from '../../shared/contract/readingImport';
import { DeskError } from '../../shared/contract/errors';
import {
  lastStamp,
  lastStampKind,
  parseStamp,
  readStamp,
  WallClock,
} from '../../shared/domain/readingTime';
import type { TableRows } from './tableFile';

/** The readings of one meter reference (a code or a serial as the file writes it). */
export interface RefReadings {
  ref: string;
  /** The header of the column naming the meter (long) or of the meter's own column (wide). */
  column: string;
  /** Sheet row of each reading (header = 1), instant (UTC ms), value and estimated flag. */
  rows: number[];
  at: number[];
  value: number[];
  estimated: boolean[];
}

export interface ParsedSheet {
  layout: ReadingLayout;
  refs: Map<string, RefReadings>;
  problems: ReadingImportProblem[];
  /** Data rows (blank rows not counted). */
  rows: number;
  readings: number;
  /** Timestamps without a zone: read in the zone given, or (none given) problems. */
  walls: number;
  zoneless: number;
}

const names = {
  meter: [
    '表号',
    '表计编号',
    '表计',
    '计量表编号',
    '表计编码',
    '编号',
    '编码',
    '资产编号',
    'meter',
    'metercode',
    'code',
    'assetcode',
    'meterid',
  ],
  serial: [
    '表身号',
    '出厂编号',
    '序列号',
    '表序列号',
    'serial',
    'serialnumber',
    'meterserial',
    'serialno',
  ],
  time: [
    '时间',
    '抄表时间',
    '读数时间',
    '采集时间',
    '日期',
    '日期时间',
    '时间戳',
    'timestamp',
    'time',
    'date',
    'datetime',
    'readat',
    'readingtime',
  ],
  value: [
    '读数',
    '示数',
    '表底数',
    '累计读数',
    '表读数',
    '用量',
    '数值',
    '值',
    'value',
    'reading',
    'register',
    'usage',
    'consumption',
  ],
  estimated: ['估读', '估计', '是否估读', 'estimated', 'estimate'],
} as const;
type Role = keyof typeof names;

/** '读数(m³)' → '读数', 'Serial Number' → 'serialnumber'. */
export function headerKey(header: string): string {
  return header
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s_\-.:：]/g, '')
    .toLowerCase();
}

function roleOf(header: string): Role | null {
  const key = headerKey(header);
  for (const role of Object.keys(names) as Role[]) {
    if ((names[role] as readonly string[]).includes(key)) return role;
  }
  return null;
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '估', '估读', 'e', 'est', 'estimated']);
const NO = new Set(['', '否', 'n', 'no', 'false', '0', '实', '实抄', 'actual']);

/** A register value as offices write it: '12,345.6', ' 12345 ', full-width digits. */
export function readValue(text: string): number | null {
  // Plain digits with at most one point, as platforms write them: no trimming, no patterns.
  let points = 0;
  let plain = text.length > 0 && text.length < 24;
  for (let i = 0; plain && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) points++;
    else if (c < 48 || c > 57) plain = false;
  }
  if (plain && points <= 1 && text !== '.') return Number(text);
  let s = text.trim();
  if (s === '') return null;
  if (/[０-９．]/.test(s)) {
    s = s.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  }
  if (s.includes(',')) s = s.replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}

const REASONS: Record<ReadingProblemKind, string> = {
  unknown_meter: '未知表计 / unknown meter',
  bad_time: '时间无法识别 / unreadable time',
  no_zone: '时间未带时区，请选择时区 / the time has no zone; choose one',
  bad_value: '读数无效 / not a register value',
  duplicate_conflict: '同一时刻读数不同 / another value at the same instant',
  outside_installation: '不在表计安装期内 / outside the meter’s installation',
  negative_delta: '读数回退，将进入复核 / negative delta, goes to the review queue',
};

export function problem(
  kind: ReadingProblemKind,
  row: number,
  column: string,
  value: string,
  detail?: string,
): ReadingImportProblem {
  const reason = detail ? `${REASONS[kind]}: ${detail}` : REASONS[kind];
  const severity = kind === 'negative_delta' ? 'warning' : 'error';
  return { row, column, value: value.slice(0, 200), kind, severity, reason };
}

interface Layout {
  layout: ReadingLayout;
  time: number;
  value: number;
  meter: number;
  serial: number;
  estimated: number;
}

function layoutOf(header: readonly string[], firstRow: readonly string[]): Layout {
  const found: Partial<Record<Role, number>> = {};
  header.forEach((h, i) => {
    const role = roleOf(h);
    if (role && found[role] === undefined) found[role] = i;
  });
  const get = (role: Role) => found[role] ?? -1;
  if ((get('meter') >= 0 || get('serial') >= 0) && get('time') >= 0 && get('value') >= 0) {
    return {
      layout: 'long',
      time: get('time'),
      value: get('value'),
      meter: get('meter'),
      serial: get('serial'),
      estimated: get('estimated'),
    };
  }
  const startsWithTime =
    get('time') === 0 || (get('time') < 0 && readStamp(firstRow[0] ?? '').kind !== 'bad');
  if (header.length >= 2 && startsWithTime) {
    return { layout: 'wide', time: 0, value: -1, meter: -1, serial: -1, estimated: -1 };
  }
  throw new DeskError(
    'VALIDATION',
    '无法识别表头：长表需要“表号/出厂编号、时间、读数”三列；宽表第一列为时间，其余每列一个表号 / ' +
      'Unrecognised header: a long sheet needs meter (code or serial), time and value columns; ' +
      'a wide sheet has the time first and one column per meter code.',
    { foundHeaders: header.slice(0, 50) },
  );
}

function refReadings(refs: Map<string, RefReadings>, ref: string, column: string): RefReadings {
  let list = refs.get(ref);
  if (!list) {
    list = { ref, column, rows: [], at: [], value: [], estimated: [] };
    refs.set(ref, list);
  }
  return list;
}

/** Reads every data row; `zone` turns wall times into instants (null: none was given). */
export function parseSheet(
  rows: TableRows,
  zone: string | null,
  onRow?: (done: number) => void,
): ParsedSheet {
  const header = rows.row(0).map((h) => h.trim());
  let firstRow: readonly string[] = [];
  for (let r = 1; r < rows.length && firstRow.length === 0; r++) {
    const cells = rows.row(r);
    if (cells.some((c) => c.trim() !== '')) firstRow = cells;
  }
  const layout = layoutOf(header, firstRow);
  const clock = zone === null ? null : new WallClock(zone);
  const refs = new Map<string, RefReadings>();
  const problems: ReadingImportProblem[] = [];
  const sheet: ParsedSheet = {
    layout: layout.layout,
    refs,
    problems,
    rows: 0,
    readings: 0,
    walls: 0,
    zoneless: 0,
  };
  const timeHeader = header[layout.time] ?? '';

  /** The row's instant, or null with its problem recorded. */
  const instantOf = (text: string, row: number): number | null => {
    const ms = parseStamp(text);
    const kind = lastStampKind();
    if (kind === 'instant') return ms;
    if (kind === 'bad') {
      problems.push(problem('bad_time', row, timeHeader, text, lastStamp().reason));
      return null;
    }
    sheet.walls++;
    if (clock === null) {
      sheet.zoneless++;
      problems.push(problem('no_zone', row, timeHeader, text));
      return null;
    }
    const utc = clock.toUtc(ms);
    if (utc === null) {
      problems.push(problem('bad_time', row, timeHeader, text, `${zone} 无此时刻 (DST gap)`));
    }
    return utc;
  };

  const add = (
    ref: string,
    row: number,
    column: string,
    at: number,
    value: number,
    est: boolean,
  ) => {
    const list = refReadings(refs, ref, column);
    list.rows.push(row);
    list.at.push(at);
    list.value.push(value);
    list.estimated.push(est);
    sheet.readings++;
  };

  /** A value cell's number, or null with its problem recorded (empty is allowed when `optional`). */
  const valueOf = (text: string, row: number, column: string, optional: boolean): number | null => {
    const value = readValue(text);
    if (value === null) {
      if (!optional) problems.push(problem('bad_value', row, column, text, '空 / empty'));
      return null;
    }
    if (!Number.isFinite(value) || value < 0 || value >= 1e15) {
      problems.push(problem('bad_value', row, column, text));
      return null;
    }
    return value;
  };

  // A long sheet from a text table reads its few cells one by one (no array per row); a wide
  // sheet needs every cell of a row, so it splits the row once.
  const byCell = layout.layout === 'long' && rows.cell !== undefined && rows.blank !== undefined;
  let cells: readonly string[] = [];
  const cellOf = (r: number, c: number): string =>
    c < 0 ? '' : byCell ? (rows.cell as (i: number, c: number) => string)(r, c) : (cells[c] ?? '');

  for (let r = 1; r < rows.length; r++) {
    if (r % 10_000 === 0) onRow?.(r);
    if (byCell) {
      if ((rows.blank as (i: number) => boolean)(r)) continue;
    } else {
      cells = rows.row(r);
      if (cells.length === 0 || cells.every((c) => c.trim() === '')) continue;
    }
    sheet.rows++;
    const row = r + 1;
    const at = instantOf(cellOf(r, layout.time), row);
    if (layout.layout === 'long') {
      const code = cellOf(r, layout.meter).trim();
      const serial = cellOf(r, layout.serial).trim();
      const ref = code !== '' ? code : serial !== '' ? `serial:${serial}` : '';
      if (ref === '') {
        problems.push(
          problem(
            'unknown_meter',
            row,
            header[Math.max(layout.meter, layout.serial)] ?? '',
            '',
            '空 / empty',
          ),
        );
        continue;
      }
      const refHeader = header[code !== '' ? layout.meter : layout.serial] ?? '';
      const value = valueOf(cellOf(r, layout.value), row, header[layout.value] ?? '', false);
      const flag = layout.estimated >= 0 ? cellOf(r, layout.estimated).trim().toLowerCase() : '';
      if (!YES.has(flag) && !NO.has(flag)) {
        problems.push(
          problem(
            'bad_value',
            row,
            header[layout.estimated] ?? '',
            flag,
            '估读应为 是/否 / estimated must be yes or no',
          ),
        );
        continue;
      }
      if (at !== null && value !== null) add(ref, row, refHeader, at, value, YES.has(flag));
    } else {
      for (let c = 1; c < header.length; c++) {
        const ref = header[c] as string;
        if (ref === '') continue;
        const value = valueOf(cellOf(r, c), row, ref, true);
        if (at !== null && value !== null) add(ref, row, ref, at, value, false);
      }
    }
  }
  onRow?.(rows.length);
  return sheet;
}
