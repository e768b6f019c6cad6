// The cell encoding of the whole-data export: how one SQLite value (NULL, INTEGER, REAL, TEXT or
// BLOB, with its exact storage class) becomes the text of one CSV field and back, and how fields
// become CSV records. An export is an archive that must restore byte for byte, so the scheme is
// lossless first and readable second: ordinary numbers and text are written as themselves, and a
// short backslash tag is added only where the plain form would come back different.
//
// The scheme (a field's text after CSV unquoting):
//   \N            NULL (an empty field is the empty string, never NULL)
//   \\…           text that begins with a backslash: drop the first backslash (`\N` text → `\\N`)
//   \T…           text, the rest verbatim: used for text that would read back as a number in a
//                 numeric column, and for text starting with = + - @ TAB or CR, so a spreadsheet
//                 that opens the file shows it rather than running it as a formula
//   \I…           INTEGER (64-bit decimal) where the column would not make it one by itself
//   \R…           REAL (shortest round-trip decimal, -0, Infinity, -Infinity) likewise
//   \B…           BLOB, standard base64
//   anything else plain: in a column of INTEGER, REAL or NUMERIC affinity a canonical number is an
//                 INTEGER (64-bit range) or REAL, any other text is TEXT; in other columns, TEXT.
// Plain forms are only used where that reading, and then SQLite's column affinity on insert, give
// back the same storage class and value; the encoder checks this per value and tags otherwise.
// (TEXT is taken as valid UTF-8, which is all the app writes: SQLite text that is not would read
// into JavaScript with replacement characters and could not come back byte for byte.)
import { DeskError } from '../../shared/contract/errors';

/** SQLite's column affinity, from the declared type (https://sqlite.org/datatype3.html §3.1). */
export type Affinity = 'INTEGER' | 'TEXT' | 'BLOB' | 'REAL' | 'NUMERIC';

export function affinityOf(declaredType: string): Affinity {
  const t = declaredType.toUpperCase();
  if (t.includes('INT')) return 'INTEGER';
  if (t.includes('CHAR') || t.includes('CLOB') || t.includes('TEXT')) return 'TEXT';
  if (t.includes('BLOB') || t === '') return 'BLOB';
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return 'REAL';
  return 'NUMERIC';
}

/** A value as better-sqlite3 gives it with safe integers on: INTEGER is a bigint, REAL a number. */
export type SqlValue = null | bigint | number | string | Uint8Array;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const integerForm = /^-?(0|[1-9][0-9]*)$/;
const realForm = /^-?[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?$/;
const base64Form = /^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** First characters a spreadsheet takes as the start of a formula. */
const formulaStart = /^[=+\-@\t\r]/;

const isNumeric = (a: Affinity) => a === 'INTEGER' || a === 'REAL' || a === 'NUMERIC';

function inInt64(n: bigint): boolean {
  return n >= INT64_MIN && n <= INT64_MAX;
}

/** What a plain (untagged) field reads as, before SQLite applies the column's affinity. */
function readPlain(field: string, affinity: Affinity): SqlValue {
  if (!isNumeric(affinity)) return field;
  if (integerForm.test(field)) {
    const n = BigInt(field);
    if (inInt64(n)) return n;
  }
  return realForm.test(field) ? Number(field) : field;
}

function realText(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

/** The plain form of a value, or null where only a tagged form restores it exactly. */
function plainForm(value: Exclude<SqlValue, null | Uint8Array>, affinity: Affinity): string | null {
  if (typeof value === 'string') {
    if (value.startsWith('\\') || formulaStart.test(value)) return null;
    // Text the reader would take for a number: in a numeric column SQLite could not have kept it
    // as text, but the tag costs nothing and makes the file say exactly what it holds.
    return typeof readPlain(value, affinity) === 'string' ? value : null;
  }
  if (typeof value === 'bigint') {
    // Read back as this bigint, which INTEGER and NUMERIC columns keep as INTEGER.
    return affinity === 'INTEGER' || affinity === 'NUMERIC' ? value.toString() : null;
  }
  if (!Number.isFinite(value) || Object.is(value, -0)) return null;
  const text = realText(value);
  // A REAL column turns whatever number it is given into REAL; '3' reads as 3n and becomes 3.0.
  if (affinity === 'REAL') return text;
  // INTEGER and NUMERIC columns would turn an integral REAL into INTEGER; a fractional one stays.
  if ((affinity === 'INTEGER' || affinity === 'NUMERIC') && !Number.isInteger(value)) return text;
  return null;
}

export function encodeCell(value: SqlValue, affinity: Affinity): string {
  if (value === null) return '\\N';
  if (value instanceof Uint8Array) return `\\B${Buffer.from(value).toString('base64')}`;
  const plain = plainForm(value, affinity);
  if (plain !== null) return plain;
  if (typeof value === 'bigint') return `\\I${value.toString()}`;
  if (typeof value === 'number') return `\\R${realText(value)}`;
  // Text: a leading backslash is doubled (the usual escape); anything else gets the text tag.
  return value.startsWith('\\') ? `\\${value}` : `\\T${value}`;
}

/** Thrown for a field that follows no rule of the scheme; the importer adds file, row and column. */
export class CellError extends Error {}

export function decodeCell(field: string, affinity: Affinity): SqlValue {
  if (!field.startsWith('\\')) return readPlain(field, affinity);
  const tag = field[1];
  const rest = field.slice(2);
  switch (tag) {
    case 'N':
      if (rest !== '') throw new CellError(`unknown escape "${field.slice(0, 20)}"`);
      return null;
    case '\\':
      return field.slice(1);
    case 'T':
      return rest;
    case 'I': {
      const n = integerForm.test(rest) ? BigInt(rest) : null;
      if (n === null || !inInt64(n))
        throw new CellError(`"${rest.slice(0, 30)}" is not an INTEGER`);
      return n;
    }
    case 'R':
      if (realForm.test(rest) || rest === 'Infinity' || rest === '-Infinity') return Number(rest);
      throw new CellError(`"${rest.slice(0, 30)}" is not a REAL`);
    case 'B':
      if (!base64Form.test(rest)) throw new CellError('the BLOB is not valid base64');
      return new Uint8Array(Buffer.from(rest, 'base64'));
    default:
      throw new CellError(`unknown escape "${field.slice(0, 20)}"`);
  }
}

// ------------------------------------------------------------------------------------- CSV text

/** RFC 4180 quoting; the empty string is quoted too, so a one-column row of '' is not a blank line. */
export function csvField(text: string): string {
  if (text === '' || /[",\r\n]/.test(text) || /^\s|\s$/.test(text)) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** Wraps a cell failure with where it happened, as the one kind of error the API reports. */
export function cellProblem(file: string, row: number, column: string, error: unknown): DeskError {
  const reason = error instanceof Error ? error.message : String(error);
  return new DeskError('BAD_REQUEST', `${file}, row ${row}, column ${column}: ${reason}`, {
    file,
    row,
    column,
  });
}
