// Placeholder while this view is being written.
export function PartsTab() {
  return null;
}
