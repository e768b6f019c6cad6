// The reorder list as a CSV file built in the browser: a UTF-8 byte-order mark first, because
// Excel on a Chinese Windows PC reads a file without one as GBK and shows the names as mojibake.

/** Text that Excel would run as a formula (=, +, -, @) is prefixed with an apostrophe. */
function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
