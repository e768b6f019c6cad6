// The web host's gate against cross-site use: Host and Origin must name this server (defeats DNS
// rebinding and cross-site requests), and every /api/ call must carry the per-launch token.
import crypto from 'node:crypto';
import type http from 'node:http';

export function allowedHosts(boundHost: string, port: number): Set<string> {
  const names = new Set([boundHost, '127.0.0.1', 'localhost', '[::1]']);
  if (boundHost === '0.0.0.0' || boundHost === '::') names.delete(boundHost);
  return new Set([...names].map((n) => `${n}:${port}`));
}

export function hostAllowed(req: http.IncomingMessage, hosts: Set<string>): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && hosts.has(host.toLowerCase());
}

/** A request from a browser carries Origin on POST; when it does, it must be ours. */
export function originAllowed(req: http.IncomingMessage, hosts: Set<string>): boolean {
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (typeof origin !== 'string' || !origin.startsWith('http://')) return false;
  return hosts.has(origin.slice('http://'.length).toLowerCase());
}

export function tokenAllowed(req: http.IncomingMessage, token: string): boolean {
  const header = req.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length).trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}
