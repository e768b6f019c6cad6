// What the renderer asks the Electron shell to print: one of the app's own print routes, to the
// system print dialog or to a PDF file the user names. Checked in the main process (electron/
// print.ts), since a compromised page could send anything down the IPC channel.
import { z } from 'zod';

/**
 * A path of the renderer under /print/, with its query and fragment (a selection of orders rides in
 * the fragment). One path segment after /print/ and nothing but query and fragment after it, so no
 * scheme, host or dot segment can slip in: the shell puts the app's own origin in front.
 */
export const PrintPath = z
  .string()
  .max(200_000)
  .regex(/^\/print\/[a-z0-9-]+(?:[?#][^\\\s]*)?$/, 'expected a /print/… route of the app');

export const PrintJob = z
  .object({
    path: PrintPath,
    output: z.enum(['printer', 'pdf']),
    /** Suggested name of the PDF in the save dialog (the user may change it). */
    fileName: z
      .string()
      .max(120)
      .regex(/^[^\\/:*?"<>|]+\.pdf$/, 'a plain file name ending in .pdf')
      .refine((name) => ![...name].some((c) => c < ' '), 'no control characters')
      .default('work-orders.pdf'),
  })
  .strict();
export type PrintJob = z.input<typeof PrintJob>;

export interface PrintOutcome {
  /** False when the user cancelled the print or the save dialog. */
  done: boolean;
  /** Pages the print route laid out (as its preview shows). */
  pages: number | null;
  /** The saved PDF's file name (not its folder: the renderer has no business with paths). */
  fileName: string | null;
}
