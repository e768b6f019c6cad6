// The web host's two inner defences on their own, without the server's raw-path pre-check in front:
// resolveStatic never returns a file outside the static root, and the Host/Origin/token guard
// accepts exactly this server's own address and secret.
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allowedHosts,
  hostAllowed,
  newToken,
  originAllowed,
  tokenAllowed,
} from '../../electron/web/guard';
import { contentTypeOf, resolveStatic } from '../../electron/web/staticFiles';
import { tempDir, type TempDir } from '../support/tempDb';

let tmp: TempDir;
let root: string;

beforeAll(() => {
  tmp = tempDir();
  root = path.join(tmp.dir, 'static');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), '1');
  fs.writeFileSync(path.join(tmp.dir, 'secret.txt'), 'secret');
  // A sibling whose name starts with the root's: a naive startsWith(root) check would let it through.
  fs.mkdirSync(path.join(tmp.dir, 'static-evil'));
  fs.writeFileSync(path.join(tmp.dir, 'static-evil', 'x.js'), 'evil');
});

afterAll(() => {
  tmp.cleanup();
});

describe('resolveStatic', () => {
  it('serves files under the root and index.html for / and client routes', () => {
    expect(resolveStatic(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStatic(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveStatic(root, '/places/123')).toBe(path.join(root, 'index.html'));
    expect(resolveStatic(root, '/maintenance')).toBe(path.join(root, 'index.html'));
    // The Assets page shares its first segment with the build's assets/ folder: only files there.
    expect(resolveStatic(root, '/assets/4711')).toBe(path.join(root, 'index.html'));
    expect(resolveStatic(root, '/assets/missing.js')).toBeNull();
  });

  it.each([
    '/../secret.txt',
    '/../../etc/passwd',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/assets/..\\..\\secret.txt',
    '/../static-evil/x.js',
    '/%2e%2e%2fstatic-evil%2fx.js',
    '/./index.html',
    '/index.html%00',
    '/%E0%A4%A',
    '/static-evil/x.js',
    '/nope',
    '/places/x.js',
  ])('refuses %s', (urlPath) => {
    expect(resolveStatic(root, urlPath)).toBeNull();
  });

  it('never returns a path outside the root, whatever the input', () => {
    const pieces = [
      '..',
      '.',
      '%2e%2e',
      '%2f',
      '%5c',
      '\\',
      '/',
      'assets',
      'secret.txt',
      '%00',
      'places',
    ];
    let state = 12345;
    const next = () => {
      state = (state * 1103515245 + 12345) >>> 0;
      return state;
    };
    const rootAbs = path.resolve(root);
    for (let i = 0; i < 3000; i += 1) {
      const n = 1 + (next() % 6);
      let url = '';
      for (let j = 0; j < n; j += 1) url += '/' + pieces[next() % pieces.length];
      const file = resolveStatic(root, url);
      if (file !== null) expect(file.startsWith(rootAbs + path.sep), url).toBe(true);
    }
  });

  it('types files by extension', () => {
    expect(contentTypeOf('a/index.html')).toMatch(/^text\/html/);
    expect(contentTypeOf('a/app.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeOf('a/blob.bin')).toBe('application/octet-stream');
  });
});

function request(headers: http.IncomingHttpHeaders): http.IncomingMessage {
  return { headers } as http.IncomingMessage;
}

describe('the guard', () => {
  const hosts = allowedHosts('127.0.0.1', 5178);

  it('allows the loopback names on the bound port only', () => {
    expect([...hosts].sort()).toEqual(['127.0.0.1:5178', '[::1]:5178', 'localhost:5178']);
    expect([...allowedHosts('0.0.0.0', 80)]).not.toContain('0.0.0.0:80');
    for (const host of ['127.0.0.1:5178', 'LOCALHOST:5178', '[::1]:5178']) {
      expect(hostAllowed(request({ host }), hosts), host).toBe(true);
    }
    for (const host of [
      'attacker.example:5178',
      '127.0.0.1',
      '127.0.0.1:5179',
      'localhost.evil:5178',
    ]) {
      expect(hostAllowed(request({ host }), hosts), host).toBe(false);
    }
    expect(hostAllowed(request({}), hosts)).toBe(false);
  });

  it('accepts no Origin or its own, refuses foreign, opaque and cross-site ones', () => {
    expect(originAllowed(request({}), hosts)).toBe(true);
    expect(originAllowed(request({ origin: 'http://127.0.0.1:5178' }), hosts)).toBe(true);
    expect(originAllowed(request({ 'sec-fetch-site': 'same-origin' }), hosts)).toBe(true);
    for (const origin of [
      'http://evil.example',
      'http://127.0.0.1:5178.evil.example',
      'https://127.0.0.1:5178',
      'null',
      'file://',
      'http://127.0.0.1:5179',
    ]) {
      expect(originAllowed(request({ origin }), hosts), origin).toBe(false);
    }
    expect(originAllowed(request({ 'sec-fetch-site': 'cross-site' }), hosts)).toBe(false);
  });

  it('accepts only the exact token as a Bearer credential', () => {
    const token = newToken();
    expect(tokenAllowed(request({ authorization: `Bearer ${token}` }), token)).toBe(true);
    for (const authorization of [
      undefined,
      token,
      `bearer ${token}`,
      `Basic ${token}`,
      `Bearer ${token}x`,
      `Bearer ${token.slice(0, -1)}`,
      'Bearer ',
    ]) {
      const headers = authorization === undefined ? {} : { authorization };
      expect(tokenAllowed(request(headers), token), String(authorization)).toBe(false);
    }
  });

  it('makes a fresh, long, URL-safe token each time', () => {
    const tokens = new Set(Array.from({ length: 50 }, newToken));
    expect(tokens.size).toBe(50);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{32,}$/);
  });
});
