// Placeholder while this view is being written.
export function RequestsTab() {
  return null;
}
