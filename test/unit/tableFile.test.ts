// Reading spreadsheet files into rows of strings: encoding detection (BOM, strict UTF-8, GB18030
// as Chinese Excel/WPS save), CSV parsing that keeps sheet row numbers, XLSX through exceljs with
// formulas never evaluated, and one clear refusal for each kind of bad file. Fixtures are real
// files written to a temporary directory; GBK bytes come from iconv-lite.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/contract/errors';
import {
  cellText,
  decodeText,
  neutraliseCell,
  readTableFile,
  restoreCell,
  zipUnpackedSize,
  type TableLimits,
} from '../../electron/services/tableFile';
import { csvBytes } from '../../electron/services/tableWrite';
import { tempDir } from '../support/tempDb';

const tmp = tempDir('utility-desk-table-');
afterAll(() => tmp.cleanup());

const limits: TableLimits = { maxBytes: 20 * 1024 * 1024, maxRows: 200_000 };

/** Writes bytes to a real file and reads it back as the renderer would send it. */
function viaFile(name: string, bytes: Buffer | Uint8Array): string {
  const file = path.join(tmp.dir, name);
  fs.writeFileSync(file, bytes);
  return fs.readFileSync(file).toString('base64');
}

function read(name: string, bytes: Buffer | Uint8Array, custom: TableLimits = limits) {
  return readTableFile(name, viaFile(name, bytes), custom);
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

// GBK has no '›', so files saved by Chinese Excel write place paths with '/' or '>'.
const chinese = '编号,名称,位置\nLT-001,路灯 北门,教学楼A/3层/301\nLT-002,LED灯管,"图书馆, 一层"\n';

describe('encodings', () => {
  it('reads UTF-8 with a BOM, without one, and GBK as GB18030', () => {
    const bom = read(
      'bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(chinese)]),
    );
    const plain = read('plain.csv', Buffer.from(chinese));
    const gbk = read('gbk.csv', iconv.encode(chinese, 'gbk'));
    expect([bom.encoding, plain.encoding, gbk.encoding]).toEqual(['utf-8-bom', 'utf-8', 'gb18030']);
    for (const t of [bom, plain, gbk]) {
      expect(t.format).toBe('csv');
      expect(t.rows).toEqual([
        ['编号', '名称', '位置'],
        ['LT-001', '路灯 北门', '教学楼A/3层/301'],
        ['LT-002', 'LED灯管', '图书馆, 一层'],
      ]);
    }
  });

  it('reads characters only GB18030 has (four-byte sequences), not just GBK', () => {
    const text = '名称\n㐀䶵 €\n';
    expect(decodeText(iconv.encode(text, 'gb18030'))).toEqual({ text, encoding: 'gb18030' });
  });

  it('refuses UTF-16 with a hint instead of showing mojibake', () => {
    const error = refusal(() =>
      read('u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b', 'utf16le')])),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/UTF-16/);
  });
});

describe('CSV', () => {
  it('keeps blank lines as empty rows so row numbers match the sheet, and quoted line breaks in one cell', () => {
    const t = read('rows.csv', Buffer.from('a,b\r\n\r\n"x\r\ny",2\r\n3\r\n'));
    expect(t.rows).toEqual([['a', 'b'], [], ['x\r\ny', '2'], ['3']]);
  });

  it('takes semicolons or tabs when the header row uses them', () => {
    expect(read('semi.csv', Buffer.from('a;b\n1;2\n')).rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(read('tab.csv', Buffer.from('a\tb\n1\t2\n')).rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps a formula-looking cell as plain text', () => {
    const t = read('f.csv', Buffer.from(`名称\n"=cmd|' /C calc'!A0"\n`));
    expect(t.rows[1]).toEqual([`=cmd|' /C calc'!A0`]);
  });

  it('names the line of an unclosed quote', () => {
    const error = refusal(() => read('q.csv', Buffer.from('a,b\n1,"open\n')));
    expect(error.message).toMatch(/CSV could not be read: .*line 2/);
  });
});

describe('XLSX', () => {
  it('reads the first sheet: formulas as their result or their text, dates as YYYY-MM-DD, rich text, numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    wb.addWorksheet('second').addRow(['not read']);
    ws.addRow(['编号', '名称', '功率', '日期', '时间', '公式']);
    ws.addRow([
      'LT-1',
      { formula: `cmd|' /C calc'!A0` },
      18,
      new Date(Date.UTC(2024, 2, 5)),
      new Date(Date.UTC(1899, 11, 30, 6, 30)),
      { formula: '1+2', result: 3 },
    ]);
    ws.addRow([
      'LT-2',
      { richText: [{ text: '路' }, { text: '灯', font: { bold: true } }] },
      0.5,
      '2024/3/5',
      { text: 'link', hyperlink: 'https://example.com' },
      `=cmd|' /C calc'!A0`,
    ]);
    ws.getCell('A5').value = 'after a gap';
    const t = read('book.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(t.format).toBe('xlsx');
    expect(t.encoding).toBe('utf-8');
    expect(t.rows).toEqual([
      ['编号', '名称', '功率', '日期', '时间', '公式'],
      ['LT-1', `=cmd|' /C calc'!A0`, '18', '2024-03-05', '06:30', '3'],
      ['LT-2', '路灯', '0.5', '2024/3/5', 'link', `=cmd|' /C calc'!A0`],
      [],
      ['after a gap'],
    ]);
  });

  it('refuses a file named .xlsx that is not a zip, an old .xls, and a broken zip', () => {
    expect(refusal(() => read('fake.xlsx', Buffer.from('a,b\n1,2\n'))).message).toMatch(
      /not a valid XLSX/,
    );
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(refusal(() => read('old.xls', ole)).message).toMatch(/\.xls/);
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    expect(refusal(() => read('broken.xlsx', broken)).message).toMatch(/not a readable zip/);
  });

  it('sums the sizes a zip declares, to refuse a small file that unpacks to gigabytes', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRow(['a']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const size = zipUnpackedSize(bytes);
    expect(size).toBeGreaterThan(bytes.length);
    expect(size).toBeLessThan(100_000);
    // Declare one entry as 2 GB, as a zip bomb would.
    const bomb = Buffer.from(bytes);
    const eocd = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    bomb.writeUInt32LE(0x7fffffff, bomb.readUInt32LE(eocd + 16) + 24);
    expect(zipUnpackedSize(bomb)).toBeGreaterThan(2e9);
    const error = refusal(() => read('bomb.xlsx', bomb));
    expect(error.message).toBe('The XLSX file unpacks to 2048 MB; the limit is 400 MB.');
  });
});

describe('bad files', () => {
  it('refuses an empty file, and one holding only a BOM and blank lines', () => {
    expect(refusal(() => read('empty.csv', Buffer.alloc(0))).message).toBe('The file is empty.');
    expect(refusal(() => read('blank.csv', Buffer.from('\ufeff\n\n,,\n'))).message).toBe(
      'The file is empty.',
    );
  });

  it('refuses binary junk', () => {
    let seed = 42;
    const junk = Buffer.alloc(4096, 0).map(
      () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff,
    );
    const error = refusal(() => read('junk.csv', junk));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/binary data/);
  });

  it('refuses an oversized file from the base64 length alone, naming the limit', () => {
    const noise = 'QUJD'.repeat(Math.ceil((50 * 1024 * 1024) / 3)); // ~50 MB once decoded
    const error = refusal(() => readTableFile('noise.csv', noise, limits));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('The file is about 50 MB; the limit is 20 MB.');
    expect(error.details).toEqual({ limitBytes: limits.maxBytes });
  });

  it('refuses content that is not base64', () => {
    expect(refusal(() => readTableFile('x.csv', 'not base64!', limits)).message).toMatch(
      /not valid base64/,
    );
  });

  it('refuses more data rows than the limit', () => {
    const rows = ['a', ...Array.from({ length: 6 }, (_, i) => String(i))].join('\n');
    expect(read('ok.csv', Buffer.from(rows), { maxBytes: 1000, maxRows: 6 }).rows).toHaveLength(7);
    const error = refusal(() =>
      read('many.csv', Buffer.from(`${rows}\n7\n`), { maxBytes: 1000, maxRows: 6 }),
    );
    expect(error.message).toMatch(/more than 6 data rows/);
  });
});

describe('cells', () => {
  it('turns exceljs values into text', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(new Date(Date.UTC(2024, 0, 2, 8, 5, 9)))).toBe('2024-01-02 08:05:09');
    expect(cellText({ sharedFormula: 'B2', result: new Date(Date.UTC(2024, 0, 2)) })).toBe(
      '2024-01-02',
    );
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
  });

  it('neutralises formula starts on export and restores them on import', () => {
    for (const text of ['=1+1', '+86 10', '-5', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutraliseCell(text)).toBe(`'${text}`);
      expect(restoreCell(neutraliseCell(text))).toBe(text);
    }
    expect(neutraliseCell('路灯')).toBe('路灯');
    expect(restoreCell("'quoted")).toBe("'quoted");
  });

  it('writes CSV as UTF-8 with a BOM, quoting where needed and neutralising formulas', () => {
    const bytes = csvBytes([
      ['名称', '功率'],
      [`=cmd|' /C calc'!A0`, 18],
      ['a,"b"', null],
    ]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      `名称,功率\r\n'=cmd|' /C calc'!A0,18\r\n"a,""b""",\r\n`,
    );
  });
});
