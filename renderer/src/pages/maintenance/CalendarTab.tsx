// Placeholder while this view is being written.
export function CalendarTab() {
  return null;
}
