// Placeholder while this view is being written.
export function PlansTab() {
  return null;
}
