// The preload of the app window: exposes exactly one object, window.desk, with one function, call,
// which forwards a method name and its input over the one IPC channel. The renderer never sees
// ipcRenderer itself, so a compromised page can reach nothing but the typed API, and main still
// checks who is calling. Bundled as CommonJS: sandboxed preloads cannot be ES modules.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNEL, type Bridge } from '../shared/contract/bridge';
import type { Envelope } from '../shared/contract/errors';

const desk = {
  call: (method: string, input: unknown): Promise<Envelope<unknown>> =>
    ipcRenderer.invoke(BRIDGE_CHANNEL, method, input) as Promise<Envelope<unknown>>,
} satisfies Bridge;

contextBridge.exposeInMainWorld('desk', desk);
