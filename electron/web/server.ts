// The local web host: serves the built renderer and POST /api/<method> JSON over the same dispatch
// as Electron's IPC. Bound to loopback; cross-site use is refused by the guard.
import http from 'node:http';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { contract } from '../../shared/contract';
import type { ApiErrorBody, Envelope } from '../../shared/contract/errors';
import { readingImportLimits } from '../../shared/contract/readingImport';
import type { Api } from '../api';
import { allowedHosts, hostAllowed, originAllowed, tokenAllowed } from './guard';
import { httpStatusOf } from './httpStatus';
import { isPrintPath, renderPdf } from './printPdf';
import { contentTypeOf, resolveStatic } from './staticFiles';
import { toErrorBody } from '../errors';

export interface WebHostOptions {
  /** The API, or a core that may still be refused (recoverableCore.ts): only dispatch is used. */
  api: Pick<Api, 'dispatch'>;
  token: string;
  staticDir: string;
  host?: string;
  maxBodyBytes?: number;
  /** The larger limit for methods that carry a file (an import's contentBase64). */
  maxFileBodyBytes?: number;
  /** Requests allowed per second, with a burst of ten seconds' worth. */
  ratePerSecond?: number;
}

/** Methods whose input carries whole files (an import, a request's photos); only these get the
 * larger body limit. */
const fileMethods = new Set<string>(
  Object.entries(contract)
    .filter(
      ([, spec]) =>
        spec.input instanceof z.ZodObject &&
        ('contentBase64' in spec.input.shape || 'attachments' in spec.input.shape),
    )
    .map(([name]) => name),
);

/** POST /api/print.pdf {path}: the web host's PDF of a print route (printPdf.ts). */
export const PDF_METHOD = 'print.pdf';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // antd injects its generated CSS as <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function createWebHost(options: WebHostOptions): http.Server {
  const maxBody = options.maxBodyBytes ?? 2 * 1024 * 1024;
  // Base64 of the largest importable file (20 MB) plus the JSON around it.
  const maxFileBody = options.maxFileBodyBytes ?? 28 * 1024 * 1024;
  // A readings file may be far larger (a year of 15-minute data): base64 of its limit, and slack.
  const maxReadingsBody = Math.ceil((readingImportLimits.maxBytes * 4) / 3) + 1024 * 1024;
  const bucket = rateBucket(options.ratePerSecond ?? 500);
  let hosts = new Set<string>();
  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      console.error('[utility-desk] web host error:', error);
      if (!res.headersSent) sendError(res, { code: 'INTERNAL', message: 'Internal error' });
    }
  });
  server.on('listening', () => {
    hosts = allowedHosts(options.host ?? '127.0.0.1', (server.address() as AddressInfo).port);
  });
  server.on('clientError', (_err, socket) => {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!hostAllowed(req, hosts)) {
      return sendError(res, { code: 'FORBIDDEN', message: 'Unknown Host header' }, true);
    }
    if (!bucket.take()) {
      return sendError(
        res,
        { code: 'RATE_LIMITED', message: 'Too many requests; slow down' },
        true,
      );
    }
    const rawUrl = req.url ?? '/';
    // Refuse dot segments before URL parsing would quietly resolve them away.
    if (/(^|\/|%2f)(\.|%2e){2}(\/|%2f|$|\?)/i.test(rawUrl)) return notFound(res);
    const url = new URL(rawUrl, 'http://local');
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice(5));
    return handleStatic(req, res, url.pathname);
  }

  function handleApi(req: http.IncomingMessage, res: http.ServerResponse, rawMethod: string): void {
    const reject = (error: ApiErrorBody) => sendError(res, error, true);
    if (!originAllowed(req, hosts))
      return reject({ code: 'FORBIDDEN', message: 'Cross-site request refused' });
    if (!tokenAllowed(req, options.token))
      return reject({ code: 'FORBIDDEN', message: 'Missing or wrong token' });
    if (req.method !== 'POST')
      return reject({ code: 'BAD_REQUEST', message: 'Use POST for /api/ calls' });
    const type = req.headers['content-type'] ?? '';
    if (!type.toLowerCase().startsWith('application/json')) {
      return reject({ code: 'BAD_REQUEST', message: 'Content-Type must be application/json' });
    }
    let method: string;
    try {
      method = decodeURIComponent(rawMethod);
    } catch {
      return reject({ code: 'BAD_REQUEST', message: 'Malformed method name' });
    }
    const limit =
      method === 'meters.importStart'
        ? maxReadingsBody
        : fileMethods.has(method)
          ? maxFileBody
          : maxBody;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return tooLarge(req, res, limit);

    const chunks: Buffer[] = [];
    let size = 0;
    let aborted = false;
    req.on('data', (chunk: Buffer) => {
      if (aborted) return;
      size += chunk.length;
      if (size > limit) {
        aborted = true;
        tooLarge(req, res, limit);
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => {
      aborted = true;
    });
    req.on('end', () => {
      if (aborted) return;
      let input: unknown;
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        input = text.trim() === '' ? {} : JSON.parse(text);
      } catch {
        return reject({ code: 'BAD_REQUEST', message: 'The body is not valid JSON' });
      }
      if (method === PDF_METHOD) return sendPdf(res, input);
      const envelope = options.api.dispatch(method, input);
      send(res, envelope.ok ? 200 : httpStatusOf[envelope.error.code], envelope);
    });
  }

  /** The web host's own method (not the API's): a print route as a PDF download. */
  function sendPdf(res: http.ServerResponse, input: unknown): void {
    const path = (input as { path?: unknown } | null)?.path;
    if (!isPrintPath(path)) {
      return sendError(res, { code: 'BAD_REQUEST', message: 'path must be a /print/ route' });
    }
    const { port } = server.address() as AddressInfo;
    const host = !options.host || options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
    renderPdf(
      `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      options.token,
      path,
    ).then(
      (pdf) => {
        res.writeHead(200, {
          'Content-Type': 'application/pdf',
          'Content-Length': pdf.length,
          'Cache-Control': 'no-store',
          ...securityHeaders,
        });
        res.end(pdf);
      },
      (error: unknown) => sendError(res, toErrorBody(error)),
    );
  }

  function handleStatic(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    pathname: string,
  ): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...securityHeaders });
      res.end();
      return;
    }
    const file = resolveStatic(options.staticDir, pathname);
    if (!file) return notFound(res);
    const isHtml = file.endsWith('.html');
    res.writeHead(200, {
      'Content-Type': contentTypeOf(file),
      'Cache-Control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      ...securityHeaders,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(file).pipe(res);
  }

  return server;
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders });
  res.end('Not found');
}

function send(
  res: http.ServerResponse,
  status: number,
  body: Envelope<unknown>,
  close = false,
): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
    ...securityHeaders,
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(json);
}

function sendError(res: http.ServerResponse, error: ApiErrorBody, close = false): void {
  send(res, httpStatusOf[error.code], { ok: false, error }, close);
}

function tooLarge(req: http.IncomingMessage, res: http.ServerResponse, maxBody: number): void {
  sendError(
    res,
    {
      code: 'PAYLOAD_TOO_LARGE',
      message: `The request body is larger than ${maxBody} bytes`,
      details: { limit: maxBody },
    },
    true,
  );
  // Keep reading (and discarding) so the client sees the answer instead of a reset connection.
  req.resume();
}

function rateBucket(perSecond: number) {
  const capacity = perSecond * 10;
  let tokens = capacity;
  let last = Date.now();
  return {
    take(): boolean {
      const now = Date.now();
      tokens = Math.min(capacity, tokens + ((now - last) / 1000) * perSecond);
      last = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
