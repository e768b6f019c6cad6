// Placeholder while this view is being written.
export function KpiStrip() {
  return null;
}
