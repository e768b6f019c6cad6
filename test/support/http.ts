// A raw HTTP client for the web host tests, on node:http rather than fetch: it sends any Host,
// Origin or Sec-Fetch-Site header and any raw path exactly as given, with no normalisation.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface RawRequest {
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body in chunks without a Content-Length (chunked transfer encoding). */
  chunked?: boolean;
}

/**
 * Sends one request on its own connection and resolves with the full response. Write errors after
 * the server has answered (it may close early on an oversized body) are ignored.
 */
export function rawRequest(options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.body !== undefined && !options.chunked && !hasHeader(headers, 'content-length')) {
      headers['Content-Length'] = String(Buffer.byteLength(options.body));
    }
    const req = http.request(
      {
        host: '127.0.0.1',
        port: options.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers,
        agent: false,
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (options.body === undefined) {
      req.end();
    } else if (options.chunked) {
      const body = Buffer.from(options.body);
      const size = 64 * 1024;
      for (let i = 0; i < body.length && !req.destroyed; i += size) {
        req.write(body.subarray(i, i + size));
      }
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((k) => k.toLowerCase() === name);
}

export function portOf(server: http.Server): number {
  return (server.address() as AddressInfo).port;
}

export function listen(server: http.Server, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve(portOf(server)));
  });
}

export function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
