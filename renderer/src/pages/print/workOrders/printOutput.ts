// Sending the laid-out sheets to paper or PDF. In Electron the shell prints this same route in a
// hidden window (window.desk.print → electron/print.ts): the system print dialog, or a PDF written
// with printToPDF to a file the user names. In a browser (the web host) there is only the print
// dialog; it is also the way to a PDF there ("Save as PDF" as the destination), which the toolbar
// says in so many words. The one place in the renderer that knows which shell it runs in, beside
// the API client, because printing is not an API call.
import { DeskError } from '../../../../../shared/contract';
import type { PrintOutput } from '../../../../../shared/contract/workOrderPrint';

export interface Printed {
  /** False when the user cancelled (Electron can tell; a browser cannot). */
  done: boolean;
  fileName: string | null;
}

/** True where the app can write a PDF file itself (Electron), false in a browser. */
export function canWritePdf(): boolean {
  return window.desk !== undefined;
}

export async function printSheets(output: PrintOutput, fileName: string): Promise<Printed> {
  const bridge = window.desk;
  if (!bridge) {
    // Blocks until the dialog closes; whether it printed, saved or was cancelled is not told.
    window.print();
    return { done: true, fileName: null };
  }
  const { pathname, search, hash } = window.location;
  const envelope = await bridge.print({ path: `${pathname}${search}${hash}`, output, fileName });
  if (!envelope.ok) throw DeskError.fromBody(envelope.error);
  return { done: envelope.result.done, fileName: envelope.result.fileName };
}

/** "工单-2026-05-01.pdf": the day it was printed, in the file name the save dialog suggests. */
export function pdfName(prefix: string, now = new Date()): string {
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((n) => String(n).padStart(2, '0'))
    .join('-');
  return `${prefix}-${day}.pdf`;
}
