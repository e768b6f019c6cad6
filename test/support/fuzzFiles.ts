// Malformed spreadsheet files for the fuzz test (test/integration/fuzz.test.ts), generated with
// fast-check from valid files the app itself wrote (its export and template): CSVs truncated
// (also inside a multi-byte character), re-encoded (GB18030, UTF-16, Big5, Shift_JIS, Latin-1),
// with BOMs in the middle, ragged rows, stray quotes and NULs, mixed line endings, broken headers,
// huge or hostile cells, random bytes; XLSX files truncated, with flipped bytes, a missing or
// garbled sheet, workbook or part, a zip that is not a workbook, a declared size of 4 GB.
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import iconv from 'iconv-lite';
import { DATE_STRINGS, HUGE, SQL_STRINGS } from './fuzzValues';

export interface FileCase {
  /** The mutations applied, for failure messages. */
  label: string;
  fileName: string;
  bytes: Uint8Array;
}

const FILE_NAMES = [
  'assets.csv',
  '资产台账.csv',
  'assets.xlsx',
  'assets',
  'ASSETS.CSV',
  '../../etc/passwd.csv',
  'a\u0000.csv',
  '\ud800.csv',
  'CON.csv',
  `${'长'.repeat(250)}.csv`,
] as const;

const CELL_VALUES = [
  ...SQL_STRINGS,
  ...DATE_STRINGS,
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '-0',
  '0x10',
  '1,2,3',
  "=cmd|' /C calc'!A0",
  "'=1+1",
  '@SUM(A1)',
  '__proto__',
  'constructor',
  '\ud800',
  '\u0000',
  '\ufeff',
  '',
  ' ',
] as const;

const ENCODINGS = [
  'gb18030',
  'utf16le',
  'utf16be',
  'big5',
  'shift_jis',
  'latin1',
  'cp1252',
] as const;

const utf8 = new TextDecoder('utf-8');
const text = (bytes: Uint8Array) => utf8.decode(bytes);
const bytesOf = (t: string) => new Uint8Array(Buffer.from(t, 'utf8'));

function splice(bytes: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const pos = bytes.length === 0 ? 0 : at % (bytes.length + 1);
  const out = new Uint8Array(bytes.length - Math.min(remove, bytes.length - pos) + insert.length);
  out.set(bytes.subarray(0, pos), 0);
  out.set(insert, pos);
  out.set(bytes.subarray(pos + remove), pos + insert.length);
  return out;
}

/** CSV lines as cells (naively: the mutations need not respect quoting, that is the point). */
function mapLines(bytes: Uint8Array, fn: (cells: string[], line: number) => string[]): Uint8Array {
  const lines = text(bytes).split(/\r?\n/);
  return bytesOf(lines.map((l, i) => fn(l.split(','), i).join(',')).join('\r\n'));
}

type CsvMutation = (bytes: Uint8Array) => Uint8Array;

const csvMutations: [string, fc.Arbitrary<CsvMutation>][] = [
  ['truncate', fc.nat().map((at) => (b) => b.subarray(0, b.length === 0 ? 0 : at % b.length))],
  [
    'encoding',
    fc.tuple(fc.constantFrom(...ENCODINGS), fc.boolean()).map(
      ([enc, bom]) =>
        (b) =>
          new Uint8Array(iconv.encode(text(b), enc, { addBOM: bom })),
    ),
  ],
  [
    'bom in the middle',
    fc.array(fc.nat(), { minLength: 1, maxLength: 3 }).map((ats) => (b) => {
      let out = b;
      for (const at of ats) out = splice(out, at, 0, new Uint8Array([0xef, 0xbb, 0xbf]));
      return out;
    }),
  ],
  [
    'ragged rows',
    fc.tuple(fc.nat(), fc.integer({ min: -5, max: 20 })).map(
      ([seed, delta]) =>
        (b) =>
          mapLines(b, (cells, line) =>
            (line + seed) % 3 !== 0
              ? cells
              : delta < 0
                ? cells.slice(0, Math.max(0, cells.length + delta))
                : [...cells, ...Array.from({ length: delta }, (_, i) => `extra${i}`)],
          ),
    ),
  ],
  [
    'random bytes inside',
    fc.tuple(fc.nat(), fc.nat({ max: 64 }), fc.uint8Array({ maxLength: 64 })).map(
      ([at, remove, junk]) =>
        (b) =>
          splice(b, at, remove, junk),
    ),
  ],
  ['only random bytes', fc.uint8Array({ maxLength: 3000 }).map((junk) => () => junk)],
  [
    'nul and control characters',
    fc
      .tuple(fc.nat(), fc.constantFrom('\u0000', '\u0001\u0002', '\u001b[31m', '\u007f', '\ufffd'))
      .map(
        ([at, junk]) =>
          (b) =>
            splice(b, at, 0, bytesOf(junk)),
      ),
  ],
  [
    'stray quote',
    fc.tuple(fc.nat(), fc.constantFrom('"', '""', '"a"b', "'")).map(
      ([at, q]) =>
        (b) =>
          splice(b, at, 0, bytesOf(q)),
    ),
  ],
  [
    'line endings',
    fc
      .constantFrom('\r', '\n', '\r\r\n', '\u2028', '\n\n\n')
      .map((eol) => (b) => bytesOf(text(b).replace(/\r?\n/g, eol))),
  ],
  [
    'headers',
    fc.tuple(fc.nat(), fc.constantFrom('duplicate', 'drop', 'reverse', 'blank', 'proto')).map(
      ([at, how]) =>
        (b) =>
          mapLines(b, (cells, line) => {
            if (line !== 0) return cells;
            const i = at % Math.max(1, cells.length);
            if (how === 'duplicate') return [...cells, cells[i] ?? ''];
            if (how === 'drop') return cells.filter((_, j) => j !== i);
            if (how === 'reverse') return [...cells].reverse();
            if (how === 'blank') return cells.map((c, j) => (j === i ? '' : c));
            return cells.map((c, j) => (j === i ? '__proto__' : c));
          }),
    ),
  ],
  [
    'hostile cell',
    fc.tuple(fc.nat(), fc.nat(), fc.oneof(fc.constantFrom(...CELL_VALUES), fc.string())).map(
      ([row, col, value]) =>
        (b) =>
          mapLines(b, (cells, line) =>
            line === 0 || line !== 1 + (row % 5)
              ? cells
              : cells.map((c, j) => (j === col % Math.max(1, cells.length) ? value : c)),
          ),
    ),
  ],
  [
    'huge cell',
    fc
      .nat()
      .map(
        (col) => (b) =>
          mapLines(b, (cells, line) =>
            line === 1
              ? cells.map((c, j) => (j === col % Math.max(1, cells.length) ? HUGE : c))
              : cells,
          ),
      ),
  ],
  [
    'other delimiter on some lines',
    fc
      .constantFrom(';', '\t', '|')
      .map((d) => (b) => mapLines(b, (cells, line) => (line % 2 === 1 ? [cells.join(d)] : cells))),
  ],
];

/** A CSV case: one of the valid CSVs with one to three mutations. */
export function csvCase(valid: readonly Uint8Array[]): fc.Arbitrary<FileCase> {
  const oneMutation = fc.oneof(
    ...csvMutations.map(([name, arb]) => arb.map((fn) => ({ name, fn }))),
  );
  return fc
    .tuple(
      fc.nat({ max: valid.length - 1 }),
      fc.array(oneMutation, { minLength: 1, maxLength: 3 }),
      fc.constantFrom(...FILE_NAMES),
    )
    .map(([which, mutations, fileName]) => {
      let bytes = valid[which] as Uint8Array;
      for (const m of mutations) bytes = m.fn(bytes);
      return {
        label: `csv ${which}: ${mutations.map((m) => m.name).join(' + ')}`,
        fileName,
        bytes,
      };
    });
}

// ---------------------------------------------------------------------------------------- XLSX

/** A fixed modification time, so that the same entries always zip to the same bytes. */
const MTIME = new Date('2026-01-01T00:00:00Z');

function rezip(files: Unzipped): Uint8Array {
  return zipSync(files, { level: 1, mtime: MTIME });
}

/**
 * A workbook the app wrote, made byte-for-byte repeatable: its creation and modification times
 * (in docProps/core.xml and the zip's entry headers) fixed, so a seed picks the same mutations of
 * the same bytes on every run.
 */
export function stableXlsx(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const core = files['docProps/core.xml'];
  if (core) {
    files['docProps/core.xml'] = strToU8(
      text(core).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '2026-01-01T00:00:00Z'),
    );
  }
  return rezip(files);
}

function entryNames(files: Unzipped): string[] {
  return Object.keys(files).sort();
}

type XlsxMutation = (bytes: Uint8Array) => Uint8Array;

const xlsxMutations: [string, fc.Arbitrary<XlsxMutation>][] = [
  ['truncate', fc.nat().map((at) => (b) => b.subarray(0, at % Math.max(1, b.length)))],
  [
    'flipped bytes',
    fc
      .array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 })
      .map((flips) => (b) => {
        const out = new Uint8Array(b);
        for (const [at, x] of flips) out[at % out.length] = (out[at % out.length] ?? 0) ^ x;
        return out;
      }),
  ],
  [
    'entry removed',
    fc.nat().map((at) => (b) => {
      const files = unzipSync(b);
      const names = entryNames(files);
      delete files[names[at % names.length] as string];
      return rezip(files);
    }),
  ],
  [
    'sheet removed',
    fc.constant((b: Uint8Array) => {
      const files = unzipSync(b);
      for (const name of Object.keys(files)) if (name.includes('worksheets/')) delete files[name];
      return rezip(files);
    }),
  ],
  [
    'sheet pointed elsewhere',
    fc.constant((b: Uint8Array) => {
      const files = unzipSync(b);
      const rels = files['xl/_rels/workbook.xml.rels'];
      if (rels) {
        files['xl/_rels/workbook.xml.rels'] = strToU8(
          text(rels).replace(/worksheets\/sheet1\.xml/g, 'worksheets/missing.xml'),
        );
      }
      return rezip(files);
    }),
  ],
  [
    'no sheets in the workbook',
    fc.constant((b: Uint8Array) => {
      const files = unzipSync(b);
      const wb = files['xl/workbook.xml'];
      if (wb) files['xl/workbook.xml'] = strToU8(text(wb).replace(/<sheet [^>]*\/>/g, ''));
      return rezip(files);
    }),
  ],
  [
    'entry garbled',
    fc
      .tuple(
        fc.nat(),
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc
            .constantFrom(
              '<<<>>>',
              '<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99999</v></c>',
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="-1"><c r="ZZZZZZ99999999"><v>1</v></c></row></sheetData></worksheet>',
              '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><x>&b;</x>',
              '',
            )
            .map((t) => strToU8(t)),
        ),
      )
      .map(([at, junk]) => (b) => {
        const files = unzipSync(b);
        const names = entryNames(files);
        files[names[at % names.length] as string] = junk;
        return rezip(files);
      }),
  ],
  [
    'hostile cell text',
    fc
      .constantFrom(...SQL_STRINGS, ...DATE_STRINGS, '__proto__', '\u0000', '&#0;', '&#xD800;')
      .map((value) => (b) => {
        const files = unzipSync(b);
        for (const name of Object.keys(files)) {
          if (!name.includes('worksheets/') && !name.includes('sharedStrings')) continue;
          const escaped = value.replace(/&(?!#)/g, '&amp;').replace(/</g, '&lt;');
          files[name] = strToU8(
            text(files[name] as Uint8Array).replace(/<t( [^>]*)?>[^<]*<\/t>/, `<t>${escaped}</t>`),
          );
        }
        return rezip(files);
      }),
  ],
  [
    'a zip that is not a workbook',
    fc
      .dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 100 }), {
        minKeys: 1,
        maxKeys: 4,
      })
      .map(
        (entries) => () =>
          rezip(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strToU8(v)]))),
      ),
  ],
  [
    'declares 4 GB unpacked',
    fc.constant((b: Uint8Array) => {
      const out = Buffer.from(b);
      const central = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      if (central >= 0) out.writeUInt32LE(0xfffffffe, central + 24);
      return new Uint8Array(out);
    }),
  ],
];

/** An XLSX case: one of the valid workbooks with one or two mutations. */
export function xlsxCase(valid: readonly Uint8Array[]): fc.Arbitrary<FileCase> {
  const oneMutation = fc.oneof(
    ...xlsxMutations.map(([name, arb]) => arb.map((fn) => ({ name, fn }))),
  );
  return fc
    .tuple(
      fc.nat({ max: valid.length - 1 }),
      fc.array(oneMutation, { minLength: 1, maxLength: 2 }),
      fc.constantFrom('assets.xlsx', 'assets.csv', '台账.XLSX'),
    )
    .map(([which, mutations, fileName]) => {
      let bytes = valid[which] as Uint8Array;
      const applied: string[] = [];
      for (const m of mutations) {
        try {
          bytes = m.fn(bytes);
          applied.push(m.name);
        } catch {
          // An earlier mutation left no readable zip for this one to work on: the file as it is
          // is the case.
        }
      }
      return { label: `xlsx ${which}: ${applied.join(' + ') || 'unchanged'}`, fileName, bytes };
    });
}
