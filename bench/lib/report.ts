// Presenting results: the text table for people and the JSON document for tools.
import fs from 'node:fs';
import path from 'node:path';
import type { Result } from './types';

export function ratioOf(result: Result): number | undefined {
  return result.limit !== undefined && result.limit !== 0 ? result.value / result.limit : undefined;
}

/** Few enough digits to read at a glance; measurement noise makes more of them meaningless. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

export function formatTable(results: readonly Result[]): string {
  const header = ['name', 'value', 'unit', 'limit', 'ratio', 'limit of'];
  const rows = results.map((r) => {
    const ratio = ratioOf(r);
    return [
      r.name,
      formatNumber(r.value),
      r.unit,
      r.limit === undefined ? '' : formatNumber(r.limit),
      ratio === undefined ? '' : formatNumber(ratio),
      r.limitOf ?? '',
    ];
  });
  // Numbers are right-aligned so their magnitudes line up; text columns are left-aligned.
  const numeric = [false, true, false, true, true, false];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => width(row[i] ?? ''))),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => pad(cell, widths[i] ?? 0, numeric[i] ?? false))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Display width: CJK characters take two terminal columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, to: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, to - width(text)));
  return right ? fill + text : text + fill;
}

/** Six significant digits: more than any benchmark here can resolve, fewer than float noise. */
function round(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(6)) : value;
}

export function toJson(results: readonly Result[]): string {
  const out = results.map((r) => {
    const ratio = ratioOf(r);
    return {
      name: r.name,
      value: round(r.value),
      unit: r.unit,
      ...(r.limit === undefined ? {} : { limit: round(r.limit) }),
      ...(ratio === undefined ? {} : { ratio: round(ratio) }),
      ...(r.limitOf === undefined ? {} : { limitOf: r.limitOf }),
    };
  });
  return `${JSON.stringify({ results: out }, null, 2)}\n`;
}

export function writeJson(file: string, results: readonly Result[]): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, toJson(results));
}
