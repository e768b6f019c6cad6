// Quantities as people read them: up to three decimals (the precision the store keeps), grouped
// digits, no trailing zeros.

export function formatQty(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 3 }).format(value);
}

/** A signed change: "+5", "−3" (a real minus sign, easier to read than a hyphen in a table). */
export function formatDelta(value: number, language: string): string {
  const text = formatQty(Math.abs(value), language);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}
