// Placeholder while this view is being written.
export function BoardTab() {
  return null;
}
