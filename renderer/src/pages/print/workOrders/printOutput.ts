// Sending the laid-out sheets to paper or PDF. In Electron the shell prints this same route in a
// hidden window (window.desk.print → electron/print.ts): the system print dialog, or a PDF written
// with printToPDF to a file the user names. In a browser (the web host) paper goes through the
// print dialog, and a PDF is made by the host from the same route (POST /api/print.pdf, see
// electron/web/printPdf.ts) and downloaded; where the host cannot, its answer says to use the
// print dialog's "Save as PDF". The one place in the renderer that knows which shell it runs in, beside
// the API client, because printing is not an API call.
import { DeskError, type Envelope } from '../../../../../shared/contract';
import { readToken } from '../../../api/client';
import { saveBlob } from '../../../files';
import type { PrintOutput } from '../../../../../shared/contract/workOrderPrint';

export interface Printed {
  /** False when the user cancelled (Electron can tell; a browser cannot). */
  done: boolean;
  fileName: string | null;
}

export async function printSheets(output: PrintOutput, fileName: string): Promise<Printed> {
  const bridge = window.desk;
  if (!bridge && output === 'pdf') return downloadPdf(fileName);
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

async function downloadPdf(fileName: string): Promise<Printed> {
  const { pathname, search, hash } = window.location;
  const response = await fetch('/api/print.pdf', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${readToken() ?? ''}` },
    body: JSON.stringify({ path: `${pathname}${search}${hash}` }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as Envelope<unknown> | null;
    if (body && !body.ok) throw DeskError.fromBody(body.error);
    throw new DeskError('INTERNAL', `HTTP ${response.status}`);
  }
  saveBlob(fileName, await response.blob());
  return { done: true, fileName };
}

/** "工单-2026-05-01.pdf": the day it was printed, in the file name the save dialog suggests. */
export function pdfName(prefix: string, now = new Date()): string {
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((n) => String(n).padStart(2, '0'))
    .join('-');
  return `${prefix}-${day}.pdf`;
}
