// Serves the built renderer: only files inside the root, never a path that climbs out of it.
import fs from 'node:fs';
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** First path segments the renderer routes on the client; only these fall back to index.html. */
export const clientRoutes = [
  'places',
  'assets',
  'maintenance',
  'meters',
  'reports',
  'settings',
  'print',
];

/**
 * Resolves a URL path to a file under root, or null. Paths with encoded separators, NUL bytes,
 * dot segments or anything resolving outside root are refused; unknown extension-less paths fall
 * back to index.html only under the renderer's own routes.
 */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((seg) => seg === '..' || seg === '.')) return null;
  const rootAbs = path.resolve(root);
  const candidate = path.resolve(rootAbs, '.' + path.posix.normalize('/' + decoded));
  if (candidate !== rootAbs && !candidate.startsWith(rootAbs + path.sep)) return null;
  const file = candidate === rootAbs ? path.join(rootAbs, 'index.html') : candidate;
  if (isFile(file)) return file;
  const first = decoded.split('/')[1] ?? '';
  if (path.extname(decoded) === '' && clientRoutes.includes(first)) {
    const index = path.join(rootAbs, 'index.html');
    return isFile(index) ? index : null;
  }
  return null;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
