// The local web host over real HTTP (node:http, raw paths and headers) on a temporary database:
// the API answers with the token; missing/wrong tokens, foreign Origin, cross-site fetches and
// foreign Host headers (DNS rebinding) get 403 and change nothing; traversal paths get 404; client
// routes fall back to index.html; static files carry the CSP; oversized, malformed and misdirected
// requests get clear errors; and HTTP answers exactly what the dispatch table answers.
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { openCore } from '../../electron/core';
import { httpStatusOf } from '../../electron/web/httpStatus';
import { CONTENT_SECURITY_POLICY, createWebHost } from '../../electron/web/server';
import type { ApiErrorBody, Envelope } from '../../shared/contract';
import { call, createTree } from '../support/api';
import { dumpDb, type DbDump } from '../support/dump';
import { close, listen, rawRequest, type RawResponse } from '../support/http';
import { tempDir, type TempDir } from '../support/tempDb';

const TOKEN = 'test-token-0123456789abcdef';
const MAX_BODY = 1024 * 1024;
const INDEX_HTML =
  '<!doctype html><html><body><div id="root">Utility Desk 测试页</div></body></html>';
const APP_JS = 'console.log("utility desk");';
const SECRET = 'TOP-SECRET-OUTSIDE-THE-STATIC-ROOT';

let tmp: TempDir;
let api: Api;
let server: http.Server;
let port: number;
let staticDir: string;

beforeEach(async () => {
  tmp = tempDir();
  staticDir = path.join(tmp.dir, 'static');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX_HTML);
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), APP_JS);
  // Files beside the static root that no URL may reach.
  fs.writeFileSync(path.join(tmp.dir, 'package.json'), JSON.stringify({ secret: SECRET }));
  fs.writeFileSync(path.join(tmp.dir, 'secret.txt'), SECRET);
  api = openCore(tmp.file(), { validateResults: true, operator: '网页测试' });
  server = createWebHost({
    api,
    token: TOKEN,
    staticDir,
    host: '127.0.0.1',
    maxBodyBytes: MAX_BODY,
  });
  port = await listen(server, '127.0.0.1');
});

afterEach(async () => {
  await close(server);
  api.core.db.close();
  tmp.cleanup();
});

function authHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    Authorization: `Bearer ${TOKEN}`,
    'Content-Type': 'application/json',
    ...extra,
  };
}

function post(method: string, input: unknown, headers = authHeaders()): Promise<RawResponse> {
  return rawRequest({
    port,
    method: 'POST',
    path: `/api/${method}`,
    headers,
    body: JSON.stringify(input),
  });
}

function envelopeOf(res: RawResponse): Envelope<unknown> {
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return JSON.parse(res.text) as Envelope<unknown>;
}

function errorOf(res: RawResponse): ApiErrorBody {
  const envelope = envelopeOf(res);
  if (envelope.ok) throw new Error(`expected an error, got ${res.text}`);
  expect(res.text).not.toMatch(/\n\s+at /);
  return envelope.error;
}

function snapshot(): DbDump {
  return dumpDb(api.core.db);
}

const newSite = { kind: 'site', parentId: null, name: '网页创建的校区', code: 'WEB-1' };

describe('the API with the token', () => {
  it('POST /api/places.create creates a place and answers {ok:true,result}', async () => {
    const res = await post('places.create', newSite);
    expect(res.status).toBe(200);
    const envelope = envelopeOf(res);
    expect(envelope).toMatchObject({ ok: true, result: { kind: 'site', name: '网页创建的校区' } });
    expect(Object.keys(envelope).sort()).toEqual(['ok', 'result']);
    const id = (envelope as { result: { id: string } }).result.id;
    expect(call(api, 'places.get', { id }).place.name).toBe('网页创建的校区');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('builds a Chinese tree over HTTP and reads it back', async () => {
    const site = envelopeOf(await post('places.create', newSite));
    if (!site.ok) throw new Error(JSON.stringify(site.error));
    const siteId = (site.result as { id: string }).id;
    const building = envelopeOf(
      await post('places.create', { kind: 'building', parentId: siteId, name: '图书馆' }),
    );
    expect(building).toMatchObject({ ok: true, result: { parentId: siteId } });
    const list = envelopeOf(await post('places.list', { parentId: siteId }));
    expect(list).toMatchObject({ ok: true, result: { items: [{ name: '图书馆' }] } });
  });

  it('accepts its own Origin, localhost as Host, and same-origin fetch metadata', async () => {
    const variants: Record<string, string>[] = [
      { Origin: `http://127.0.0.1:${port}` },
      { Origin: `http://localhost:${port}`, Host: `localhost:${port}` },
      { 'Sec-Fetch-Site': 'same-origin' },
    ];
    for (const extra of variants) {
      const res = await post('system.info', {}, authHeaders(extra));
      expect(res.status, JSON.stringify(extra)).toBe(200);
    }
  });

  it('maps error codes onto HTTP statuses', async () => {
    const { building } = createTree(api);
    const validation = await post('places.create', { kind: 'site', parentId: null, name: 7 });
    expect(validation.status).toBe(400);
    expect(errorOf(validation)).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'name' }] },
    });
    const missing = await post('places.get', { id: 'nope' });
    expect(missing.status).toBe(404);
    expect(errorOf(missing).code).toBe('NOT_FOUND');
    const conflict = await post('places.delete', { id: building.id });
    expect(conflict.status).toBe(409);
    expect(errorOf(conflict)).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'HAS_CHILDREN' },
    });
  });
});

describe('refusing cross-site use', () => {
  const cases: [string, () => Record<string, string>][] = [
    ['no token', () => ({ 'Content-Type': 'application/json' })],
    [
      'a wrong token of the same length',
      () => authHeaders({ Authorization: `Bearer ${'x'.repeat(TOKEN.length)}` }),
    ],
    ['a wrong token of another length', () => authHeaders({ Authorization: 'Bearer short' })],
    ['the token without Bearer', () => authHeaders({ Authorization: TOKEN })],
    ['the token as Basic auth', () => authHeaders({ Authorization: `Basic ${TOKEN}` })],
    ['a foreign Origin', () => authHeaders({ Origin: 'http://evil.example' })],
    ['a foreign Origin on our port', () => authHeaders({ Origin: `http://evil.example:${port}` })],
    ['Origin null', () => authHeaders({ Origin: 'null' })],
    ['an https Origin', () => authHeaders({ Origin: `https://127.0.0.1:${port}` })],
    ['Sec-Fetch-Site: cross-site', () => authHeaders({ 'Sec-Fetch-Site': 'cross-site' })],
    ['a foreign Host (DNS rebinding)', () => authHeaders({ Host: `attacker.example:${port}` })],
    ['a foreign Host without a port', () => authHeaders({ Host: 'attacker.example' })],
    ['our address on another port', () => authHeaders({ Host: `127.0.0.1:${port + 1}` })],
  ];

  it.each(cases)('answers 403 to %s and changes nothing', async (_label, headers) => {
    const before = snapshot();
    const res = await post('places.create', newSite, headers());
    expect(res.status).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect(snapshot()).toEqual(before);
  });

  it('does not take the token from the query string', async () => {
    const before = snapshot();
    const res = await rawRequest({
      port,
      method: 'POST',
      path: `/api/places.create?token=${TOKEN}`,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(newSite),
    });
    expect(res.status).toBe(403);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a foreign Host for static files too', async () => {
    const res = await rawRequest({
      port,
      path: '/',
      headers: { Host: `attacker.example:${port}` },
    });
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('Utility Desk 测试页');
  });
});

describe('static files', () => {
  it('serves index.html at / and client routes, with the CSP and no-store', async () => {
    for (const url of [
      '/',
      '/index.html',
      '/places/x',
      '/places',
      '/settings/',
      '/places/%E6%A5%BC/%E6%88%BF',
    ]) {
      const res = await rawRequest({ port, path: url });
      expect(res.status, url).toBe(200);
      expect(res.text).toBe(INDEX_HTML);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('serves assets with their type and the CSP', async () => {
    const res = await rawRequest({ port, path: '/assets/app.js' });
    expect(res.status).toBe(200);
    expect(res.text).toBe(APP_JS);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('answers HEAD without a body and refuses other verbs on static paths', async () => {
    const head = await rawRequest({ port, method: 'HEAD', path: '/assets/app.js' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    const put = await rawRequest({ port, method: 'PUT', path: '/index.html', body: 'x' });
    expect(put.status).toBe(405);
  });

  it.each([
    '/../../etc/passwd',
    '/../secret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/.%2e/secret.txt',
    '/..%2f..%2fetc/passwd',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/../../package.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/assets/..%2f..%2fpackage.json',
    '/assets/..%5c..%5cpackage.json',
    '/assets/..\\..\\package.json',
    '/places/..%2f..%2fsecret.txt',
    '/places/%2e%2e/%2e%2e/secret.txt',
    '/api/../../secret.txt',
    '/index.html%00.js',
    '/%2fetc%2fpasswd',
    '/assets/%252e%252e/%252e%252e/package.json',
  ])('answers 404 to %s without leaking anything', async (rawPath) => {
    const res = await rawRequest({ port, path: rawPath });
    expect(res.status).toBe(404);
    expect(res.text).not.toContain(SECRET);
    expect(res.text).not.toContain('root:');
  });

  it('answers 404 for a missing asset and an unknown top-level path', async () => {
    for (const url of ['/assets/missing.js', '/nowhere', '/places/x.js']) {
      expect((await rawRequest({ port, path: url })).status, url).toBe(404);
    }
  });
});

describe('malformed and oversized requests', () => {
  it('answers a 10 MB body with 413 PAYLOAD_TOO_LARGE, changes nothing and keeps serving', async () => {
    const before = snapshot();
    const body = JSON.stringify({ ...newSite, notes: 'x'.repeat(10 * 1024 * 1024) });
    const res = await rawRequest({
      port,
      method: 'POST',
      path: '/api/places.create',
      headers: authHeaders(),
      body,
    });
    expect(res.status).toBe(413);
    expect(errorOf(res)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { limit: MAX_BODY } });
    expect(snapshot()).toEqual(before);
    const next = await post('system.info', {});
    expect(next.status).toBe(200);
  });

  it('answers a 10 MB chunked body (no Content-Length) with 413 too', async () => {
    const before = snapshot();
    const body = JSON.stringify({ ...newSite, notes: '楼'.repeat(3.5 * 1024 * 1024) });
    const res = await rawRequest({
      port,
      method: 'POST',
      path: '/api/places.create',
      headers: authHeaders(),
      body,
      chunked: true,
    });
    expect(res.status).toBe(413);
    expect(errorOf(res).code).toBe('PAYLOAD_TOO_LARGE');
    expect(snapshot()).toEqual(before);
    expect((await post('system.info', {})).status).toBe(200);
  });

  it('answers invalid JSON with 400 BAD_REQUEST', async () => {
    const before = snapshot();
    for (const body of ['{"kind":', "{'a':1}", '{"kind":"site"} trailing', '\u0000']) {
      const res = await rawRequest({
        port,
        method: 'POST',
        path: '/api/places.create',
        headers: authHeaders(),
        body,
      });
      expect(res.status, body).toBe(400);
      expect(errorOf(res).code).toBe('BAD_REQUEST');
    }
    expect(snapshot()).toEqual(before);
  });

  it('names a non-finite number in the body (1e400 parses to Infinity)', async () => {
    const res = await rawRequest({
      port,
      method: 'POST',
      path: '/api/places.create',
      headers: authHeaders(),
      body: '{"kind":"site","parentId":null,"name":"校区","areaM2":1e400}',
    });
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'areaM2' }] },
    });
  });

  it('answers GET on /api/ with 400', async () => {
    for (const url of ['/api/', '/api/places.list']) {
      const res = await rawRequest({ port, path: url, headers: authHeaders() });
      expect(res.status, url).toBe(400);
      expect(errorOf(res).code).toBe('BAD_REQUEST');
    }
  });

  it('answers an unknown method with 404 UNKNOWN_METHOD', async () => {
    for (const method of ['places.explode', '', 'constructor', '%E6%A5%BC']) {
      const res = await post(method, {});
      expect(res.status, method).toBe(404);
      expect(errorOf(res).code).toBe('UNKNOWN_METHOD');
    }
  });

  it('answers a malformed percent-encoding in the method name with 400', async () => {
    const res = await post('%E0%A4%A', {});
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('BAD_REQUEST');
  });

  it('answers a wrong or missing Content-Type with 400 and changes nothing', async () => {
    const before = snapshot();
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      '',
    ]) {
      const headers = authHeaders();
      if (type) headers['Content-Type'] = type;
      else delete headers['Content-Type'];
      const res = await post('places.create', newSite, headers);
      expect(res.status, type).toBe(400);
      expect(errorOf(res).code).toBe('BAD_REQUEST');
    }
    expect(snapshot()).toEqual(before);
  });
});

describe('identical behaviour of both transports', () => {
  it('answers the same envelope over HTTP as api.dispatch does, for results and errors', async () => {
    const { site, building, room } = createTree(api);
    const calls: [string, unknown][] = [
      ['places.get', { id: room.id }],
      ['places.list', { parentId: site.id }],
      ['places.list', { parentId: null }],
      ['places.search', { q: '教学' }],
      ['system.info', {}],
      ['places.get', { id: 'missing' }],
      ['places.get', {}],
      ['places.create', { kind: 'room', parentId: site.id, name: '错位' }],
      ['places.create', { kind: 'floor', parentId: building.id, name: 'x'.repeat(10_000) }],
      ['places.delete', { id: building.id }],
      ['places.unknown', {}],
    ];
    for (const [method, input] of calls) {
      const direct = api.dispatch(method, input);
      const res = await post(method, input);
      expect(envelopeOf(res), method).toEqual(JSON.parse(JSON.stringify(direct)));
      expect(res.status, method).toBe(direct.ok ? 200 : httpStatusOf[direct.error.code]);
    }
  });

  it('creates the same shape of place through either transport', async () => {
    const { building } = createTree(api);
    const input = { kind: 'floor', parentId: building.id, name: '2层', floorNumber: 2 };
    const direct = api.dispatch('places.create', input);
    const viaHttp = envelopeOf(
      await post('places.create', { ...input, name: '3层', floorNumber: 3 }),
    );
    const mask = (e: Envelope<unknown>): unknown => {
      if (!e.ok) return e;
      const { id, createdAt, updatedAt, name, floorNumber, ...rest } = e.result as Record<
        string,
        unknown
      >;
      const types = [id, createdAt, updatedAt, name, floorNumber].map((v) => typeof v);
      return { ok: e.ok, keys: Object.keys(e.result as object).sort(), types, rest };
    };
    expect(mask(viaHttp)).toEqual(mask(direct));
  });
});
