// The renderer's only door to the core. Picks Electron IPC when window.desk exists, HTTP to the
// web host otherwise; nothing else in the renderer knows which transport is in use.
import type { Bridge } from '../../../shared/contract/bridge';
import {
  DeskError,
  type Envelope,
  type InputOf,
  type MethodName,
  type ResultOf,
} from '../../../shared/contract';

declare global {
  interface Window {
    desk?: Bridge;
  }
}

const TOKEN_KEY = 'utility-desk.token';

/** Takes the token from `#token=…` once, keeps it for this tab, and clears it from the address bar. */
export function readToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    sessionStorage.setItem(TOKEN_KEY, token);
    // Only the token leaves the address; the rest of the fragment (a print page's #ids=…) stays.
    const rest = window.location.hash
      .replace(/(^#|&)token=[^&]*/, '$1')
      .replace(/^#&/, '#')
      .replace(/&$/, '');
    history.replaceState(
      null,
      '',
      window.location.pathname + window.location.search + (rest === '#' ? '' : rest),
    );
    return token;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

async function httpCall(method: string, input: unknown): Promise<Envelope<unknown>> {
  const token = readToken();
  if (!token) {
    return {
      ok: false,
      error: { code: 'FORBIDDEN', message: 'No access token: open the address printed at start.' },
    };
  }
  const response = await fetch(`/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input ?? {}),
  });
  try {
    return (await response.json()) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `HTTP ${response.status}` } };
  }
}

export function transport(): 'ipc' | 'http' {
  return window.desk ? 'ipc' : 'http';
}

/** Calls a method; resolves with its typed result or rejects with a DeskError. */
export async function call<M extends MethodName>(
  method: M,
  input: InputOf<M>,
): Promise<ResultOf<M>> {
  const envelope = window.desk
    ? await window.desk.call(method, input)
    : await httpCall(method, input);
  if (!envelope.ok) throw DeskError.fromBody(envelope.error);
  return envelope.result as ResultOf<M>;
}

export const api = { call, transport };
