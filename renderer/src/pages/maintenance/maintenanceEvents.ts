// Page-wide signals of the Maintenance page: "orders changed" (so the KPI strip, the order list and
// the request list refetch after any tab writes) and "open the repair-request form" (so any tab or
// shortcut can start a 报修 without owning the form). Plain EventTarget: no store, no provider.
import { useEffect, useState } from 'react';

const bus = new EventTarget();
const ORDERS_CHANGED = 'orders-changed';
const OPEN_REQUEST = 'open-request';

/** Call after any write to work orders or requests. */
export function notifyOrdersChanged(): void {
  bus.dispatchEvent(new Event(ORDERS_CHANGED));
}

/** A number that grows each time orders change: put it in an effect's dependencies to refetch. */
export function useOrdersChanged(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    bus.addEventListener(ORDERS_CHANGED, bump);
    return () => bus.removeEventListener(ORDERS_CHANGED, bump);
  }, []);
  return version;
}

/** Asks the page's request form (mounted with the KPI strip) to open. */
export function openRequestForm(): void {
  bus.dispatchEvent(new Event(OPEN_REQUEST));
}

export function useOpenRequestForm(onOpen: () => void): void {
  useEffect(() => {
    bus.addEventListener(OPEN_REQUEST, onOpen);
    return () => bus.removeEventListener(OPEN_REQUEST, onOpen);
  }, [onOpen]);
}
