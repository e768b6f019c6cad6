// Malformed files given to the asset import, through the real dispatch table on a temporary SQLite
// file: binary junk, wrong or doubled headers, 50 MB of noise, empty and header-only files, more
// than 200,000 rows, broken quoting, a text file named .xlsx. Each gets one clear error from both
// the dry run and the commit, and every table of the database is left exactly as it was.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { call, callError, createTree } from '../support/api';
import { dumpDb } from '../support/dump';
import { openTempApi, tempDir, type TempApi, type TempDir } from '../support/tempDb';

let t: TempApi;
let api: Api;
let files: TempDir;

beforeEach(() => {
  t = openTempApi();
  api = t.api;
  files = tempDir('utility-desk-files-');
  createTree(api);
  call(api, 'assets.create', { code: 'KEEP-1', name: '已有', kind: 'fixture' });
});

afterEach(() => {
  t.cleanup();
  files.cleanup();
});

/** Writes the file for real and reads it back as the renderer would send it. */
function file(name: string, content: string | Uint8Array) {
  fs.writeFileSync(path.join(files.dir, name), content);
  return {
    fileName: name,
    contentBase64: fs.readFileSync(path.join(files.dir, name)).toString('base64'),
  };
}

const csv = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

describe('malformed files: one clear error, database unchanged', () => {
  let seed = 7;
  const junk = Buffer.alloc(8192).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
  const manyRows = csv([
    '编号,名称,类别',
    ...Array.from({ length: 200_001 }, (_, i) => `L${i},灯,灯具`),
  ]);
  const cases: [
    string,
    () => { fileName: string; contentBase64: string },
    string,
    RegExp | string,
  ][] = [
    [
      'binary junk',
      () => file('junk.csv', junk),
      'BAD_REQUEST',
      'junk.csv does not look like a CSV or XLSX file (it holds binary data).',
    ],
    [
      'wrong headers',
      () => file('w.csv', csv(['foo,bar,baz', '1,2,3'])),
      'VALIDATION',
      'The file has no column for 编号 (Code), 名称 (Name), 类别 (Kind). The first row must hold the column headers, in Chinese or English, as in the template.',
    ],
    [
      'a missing kind column',
      () => file('k.csv', csv(['编号,名称', 'a,b'])),
      'VALIDATION',
      /^The file has no column for 类别 \(Kind\)\./,
    ],
    [
      'the same column twice',
      () => file('d.csv', csv(['编号,名称,类别,Name', 'a,b,灯具,c'])),
      'VALIDATION',
      'Two columns mean the same thing: "名称" and "Name". Keep one of them.',
    ],
    [
      '50 MB of noise',
      () => ({
        fileName: 'noise.csv',
        contentBase64: 'QUJD'.repeat(Math.ceil((50 * 1024 * 1024) / 3)),
      }),
      'BAD_REQUEST',
      'The file is about 50 MB; the limit is 20 MB.',
    ],
    ['an empty file', () => file('e.csv', ''), 'BAD_REQUEST', 'The file is empty.'],
    [
      'headers only',
      () => file('h.csv', csv(['编号,名称,类别'])),
      'BAD_REQUEST',
      'The file has a header row but no data rows.',
    ],
    [
      'more than 200,000 rows',
      () => file('many.csv', manyRows),
      'BAD_REQUEST',
      'The file has more than 200,000 data rows; split it into smaller files.',
    ],
    [
      'an unclosed quote',
      () => file('q.csv', csv(['编号,名称,类别', 'a,"b,灯具'])),
      'BAD_REQUEST',
      /^The CSV could not be read: Quote Not Closed/,
    ],
    [
      'a text file named .xlsx',
      () => file('t.xlsx', csv(['编号,名称,类别', 'a,b,灯具'])),
      'BAD_REQUEST',
      't.xlsx is not a valid XLSX file (it is not a zip archive).',
    ],
  ];

  it.each(cases)('%s', (_label, make, code, message) => {
    const before = dumpDb(api.core.db);
    const input = make();
    for (const [method, extra] of [
      ['assets.importPreview', {}],
      ['assets.importCommit', { mode: 'valid' }],
    ] as const) {
      const error = callError(api, method, { ...input, ...extra });
      expect(error.code).toBe(code);
      if (typeof message === 'string') expect(error.message).toBe(message);
      else expect(error.message).toMatch(message);
      expect(dumpDb(api.core.db)).toEqual(before);
    }
  });
});
