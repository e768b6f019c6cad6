// What the app does by itself while it is open: today's backup, and the work orders of preventive
// plans that have come within their lead window. Both run at start and then hourly; both are
// idempotent, so an hourly look costs a few queries and a PC left on over midnight catches the new
// day. The web host and the desktop worker call this once the database is open.
import type { Core } from '../context';
import { scheduleDailyBackups } from './backup';
import { generateDuePlans } from './planGenerate';

/** Creates due plan orders; a failure is reported and retried at the next look, never fatal. */
export function runPlanGeneration(core: Core, log = console.error): void {
  if (core.readOnly || !core.db.open) return;
  try {
    generateDuePlans({ core, db: core.db, actor: core.operator });
  } catch (error) {
    log('[utility-desk] generating the work orders of preventive plans failed:', error);
  }
}

export function scheduleDailyJobs(core: Core, everyMs = 60 * 60 * 1000): () => void {
  const stopBackups = scheduleDailyBackups(core, everyMs);
  runPlanGeneration(core);
  const timer = setInterval(() => runPlanGeneration(core), everyMs);
  timer.unref();
  return () => {
    stopBackups();
    clearInterval(timer);
  };
}
