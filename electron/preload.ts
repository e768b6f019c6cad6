// The preload of the app window: exposes exactly one object, window.desk, with two functions: call,
// which forwards a method name and its input over the one API channel, and print, which asks the
// main process to print one of the app's print routes. The renderer never sees ipcRenderer itself,
// so a compromised page can reach nothing but the typed API, and main still checks who is calling.
// Bundled as CommonJS: sandboxed preloads cannot be ES modules.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNEL, PRINT_CHANNEL, type Bridge } from '../shared/contract/bridge';
import type { Envelope } from '../shared/contract/errors';
import type { PrintJob, PrintOutcome } from '../shared/contract/printJob';

const desk = {
  call: (method: string, input: unknown): Promise<Envelope<unknown>> =>
    ipcRenderer.invoke(BRIDGE_CHANNEL, method, input) as Promise<Envelope<unknown>>,
  print: (job: PrintJob): Promise<Envelope<PrintOutcome>> =>
    ipcRenderer.invoke(PRINT_CHANNEL, job) as Promise<Envelope<PrintOutcome>>,
} satisfies Bridge;

contextBridge.exposeInMainWorld('desk', desk);
