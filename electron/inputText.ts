// Refuses input text that is not valid Unicode before validation and the store see it. A JavaScript
// string can hold an unpaired UTF-16 surrogate (JSON's "\ud800", text cut in the middle of an
// emoji), which has no UTF-8 form: better-sqlite3 writes it to SQLite as the invalid bytes ED A0 80,
// which read back as three U+FFFD, so the saved row would differ from the result the caller was
// given and from its audit entry (JSON keeps the "\ud800" escape). No real input needs one.
import { DeskError } from '../shared/contract/errors';

const UNPAIRED = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

interface Node {
  value: unknown;
  key: string;
  parent: Node | undefined;
}

function pathOf(node: Node): string {
  const keys: string[] = [];
  for (let n: Node | undefined = node; n?.parent; n = n.parent) keys.unshift(n.key);
  return keys.length > 0 ? keys.join('.') : '(root)';
}

/**
 * The path (as validation errors write it) of the first string value or key holding an unpaired
 * surrogate, or undefined. Iterative, because inputs may be nested thousands of levels deep.
 */
export function unpairedSurrogatePath(input: unknown): string | undefined {
  const stack: Node[] = [{ value: input, key: '', parent: undefined }];
  const seen = new Set<object>();
  for (let node = stack.pop(); node; node = stack.pop()) {
    const { value } = node;
    if (typeof value === 'string') {
      if (UNPAIRED.test(value)) return pathOf(node);
      continue;
    }
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) continue;
    if (seen.has(value)) continue;
    seen.add(value);
    for (const [key, child] of Object.entries(value)) {
      const at: Node = { value: child, key, parent: node };
      if (UNPAIRED.test(key)) return pathOf(at);
      stack.push(at);
    }
  }
  return undefined;
}

export function refuseUnpairedSurrogates(input: unknown): void {
  const path = unpairedSurrogatePath(input);
  if (path === undefined) return;
  const message = 'text with an unpaired UTF-16 surrogate is not valid Unicode';
  throw new DeskError('VALIDATION', `Invalid input: ${path}: ${message}`, {
    issues: [{ path, message }],
  });
}
