// Opening a work order from the board or the calendars: the orders tab reads ?order=<id> and shows
// its detail drawer, so the views only change the address and never import the orders list.
import { useCallback } from 'react';
import { useNavigate } from 'react-router';

export function useOpenOrder(): (id: string) => void {
  const navigate = useNavigate();
  return useCallback(
    (id: string) => void navigate(`/maintenance?tab=orders&order=${encodeURIComponent(id)}`),
    [navigate],
  );
}
