// The one object the Electron preload exposes on window.desk. The renderer's client and the
// preload both type against this, so neither side can drift.
import type { Envelope } from './errors';

export interface Bridge {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
}

export const BRIDGE_CHANNEL = 'desk:call';
