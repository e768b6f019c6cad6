// The one object the Electron preload exposes on window.desk. The renderer's client and the
// preload both type against this, so neither side can drift.
import type { Envelope } from './errors';
import type { PrintJob, PrintOutcome } from './printJob';

export interface Bridge {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Prints an app print route through a hidden window: the system dialog, or a PDF file. */
  print(job: PrintJob): Promise<Envelope<PrintOutcome>>;
}

export const BRIDGE_CHANNEL = 'desk:call';
export const PRINT_CHANNEL = 'desk:print';
