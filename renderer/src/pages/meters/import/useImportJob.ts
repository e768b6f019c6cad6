// One reading-import job as the page sees it: start it, poll where it stands until it ends, cancel
// it. The import runs in a worker thread of the core and answers `meters.importStart` at once, so
// the page asks `meters.importJob` every POLL_MS — often enough for a live progress bar, rarely
// enough to cost the core nothing. Polling stops when the job ends, when the page starts over and
// when the tab unmounts (a job left running finishes or rolls back on its own in the core).
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  ImportJobStatus,
  ReadingImportInput,
} from '../../../../../shared/contract/readingImport';
import { api } from '../../../api/client';

const POLL_MS = 300;

export interface ImportJob {
  /** The latest status; null before a start and after reset. */
  status: ImportJobStatus | null;
  /** A call that failed (the start refused, the core unreachable); a job's own failure is in status. */
  error: unknown;
  /** The start call is on its way. */
  starting: boolean;
  start: (input: ReadingImportInput) => Promise<void>;
  cancel: () => Promise<void>;
  reset: () => void;
}

export function useImportJob(): ImportJob {
  const [status, setStatus] = useState<ImportJobStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  // The job whose answers still count: a reset or a new start makes late answers of an older one
  // land nowhere, and unmounting clears it so nothing is set on an unmounted component.
  const current = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const stopPolling = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  useEffect(
    () => () => {
      current.current = null;
      stopPolling();
    },
    [stopPolling],
  );

  const accept = useCallback(
    (next: ImportJobStatus) => {
      if (current.current !== next.jobId) return;
      setStatus(next);
      if (next.state !== 'running') return;
      stopPolling();
      timer.current = setTimeout(() => {
        timer.current = null;
        api
          .call('meters.importJob', { jobId: next.jobId })
          .then(accept)
          .catch((e: unknown) => {
            if (current.current === next.jobId) setError(e);
          });
      }, POLL_MS);
    },
    [stopPolling],
  );

  const start = useCallback(
    async (input: ReadingImportInput) => {
      stopPolling();
      current.current = null;
      setStatus(null);
      setError(null);
      setStarting(true);
      try {
        const first = await api.call('meters.importStart', input);
        current.current = first.jobId;
        accept(first);
      } catch (e) {
        setError(e);
      } finally {
        setStarting(false);
      }
    },
    [accept, stopPolling],
  );

  const cancel = useCallback(async () => {
    const jobId = current.current;
    if (!jobId) return;
    try {
      // The answer may still say running: the worker stops at its next check, and the polling
      // that goes on shows the cancelled state when it has.
      accept(await api.call('meters.importCancel', { jobId }));
    } catch (e) {
      if (current.current === jobId) setError(e);
    }
  }, [accept]);

  const reset = useCallback(() => {
    stopPolling();
    current.current = null;
    setStatus(null);
    setError(null);
  }, [stopPolling]);

  return { status, error, starting, start, cancel, reset };
}
