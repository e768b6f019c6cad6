// The balance of one parent meter month by month through a year, for the loss-rate chart: one
// analytics.waterBalance call per month (each costs days × meters on the rollups), months after
// today left out since they have no data yet.
import { useEffect, useState } from 'react';
import type { WaterBalanceResult } from '../../../../../shared/contract/analyticsShapes';
import { api } from '../../../api/client';
import { periodOf } from '../common/format';

export interface MonthBalance {
  month: number;
  result: WaterBalanceResult;
}

export function useMonthlyBalance(meterId: string | null, year: number) {
  const key = meterId ? `${meterId}|${year}` : null;
  const [state, setState] = useState<{ key: string; months: MonthBalance[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!key || !meterId) return;
    let live = true;
    const now = new Date();
    const last = year < now.getFullYear() ? 12 : year > now.getFullYear() ? 0 : now.getMonth() + 1;
    const months = Array.from({ length: last }, (_, i) => i + 1);
    Promise.all(
      months.map((month) =>
        api
          .call('analytics.waterBalance', { meterId, ...periodOf(year, month) })
          .then((result) => ({ month, result })),
      ),
    ).then(
      (list) => {
        if (!live) return;
        setError(null);
        setState({ key, months: list });
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [key, meterId, year]);
  return { months: state?.key === key ? state.months : null, error };
}
