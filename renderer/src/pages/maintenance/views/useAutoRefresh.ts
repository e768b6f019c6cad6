// Reloads a view when the window comes back into sight and every few minutes while it is shown, so a
// board left open on the dispatch desk does not go stale. (The tab itself is unmounted when
// hidden, so mounting already loads fresh data.)
import { useEffect } from 'react';

const EVERY_MS = 2 * 60_000;

export function useAutoRefresh(reload: () => void): void {
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload();
    };
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, EVERY_MS);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [reload]);
}
