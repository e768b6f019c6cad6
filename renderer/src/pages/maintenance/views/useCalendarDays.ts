// Loads the due work of a range of days for the calendars, keyed by day. The range is at most 42
// days (a month grid), inside the method's limit of 62; answers for a range the user has already
// left are dropped.
import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderRow } from '../../../../../shared/contract/workOrders';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';

export interface DayWork {
  date: string;
  total: number;
  overdue: number;
  items: WorkOrderRow[];
}

interface Query {
  from: string;
  to: string;
  crewId: string | null;
  includeDone: boolean;
  generation: number;
}

export function useCalendarDays({ from, to, crewId, includeDone, generation }: Query) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [days, setDays] = useState<Map<string, DayWork>>(new Map());
  const [loading, setLoading] = useState(false);
  const onError = useCallback((e: unknown) => void message.error(errorText(t, e)), [message, t]);

  useEffect(() => {
    let stale = false;
    setLoading(true);
    api
      .call('workOrders.calendar', {
        from,
        to,
        includeDone,
        ...(crewId ? { crewId } : {}),
      })
      .then((result) => {
        if (!stale) setDays(new Map(result.days.map((d) => [d.date, d])));
      })
      .catch((e: unknown) => !stale && onError(e))
      .finally(() => !stale && setLoading(false));
    return () => {
      stale = true;
    };
  }, [from, to, crewId, includeDone, generation, onError]);

  return { days, loading };
}
