// Placeholder while this view is being written.
export function OrdersTab() {
  return null;
}
