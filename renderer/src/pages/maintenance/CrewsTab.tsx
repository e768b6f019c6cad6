// Placeholder while this view is being written.
export function CrewsTab() {
  return null;
}
