// The API contract and its dispatch table: method names are unique across domains and well formed,
// every method has exactly one handler, duplicates and strangers are refused at start, and the one
// error shape (DeskError ⇄ body) survives a round trip; errors never carry a stack. Domains are
// discovered from the files (every `…Methods` export of shared/contract/, every `…Handlers` export
// of electron/services/), so a domain added later is checked without editing this test.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ZodError, z } from 'zod';
import { combineHandlers, type Handlers } from '../../electron/api';
import { toErrorBody, validationError } from '../../electron/errors';
import { placesHandlers } from '../../electron/services/places';
import { systemHandlers } from '../../electron/services/system';
import {
  contract,
  DeskError,
  errorCodes,
  isErrorCode,
  isMethodName,
  methodNames,
  type ApiErrorBody,
  type MethodName,
} from '../../shared/contract';
import { placesMethods } from '../../shared/contract/places';
import { systemMethods } from '../../shared/contract/system';
import { httpStatusOf } from '../../electron/web/httpStatus';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Every export of every .ts module in `dir` whose name ends with `suffix` and which is a non-empty
 * plain object all of whose values pass `looksRight`, by export name.
 */
async function exportsEndingWith(
  dir: string,
  suffix: string,
  looksRight: (value: unknown) => boolean,
): Promise<Record<string, object>> {
  const found: Record<string, object> = {};
  for (const file of fs.readdirSync(path.join(repo, dir)).sort()) {
    if (!file.endsWith('.ts')) continue;
    const mod = (await import(path.join(repo, dir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (!name.endsWith(suffix) || typeof value !== 'object' || value === null) continue;
      if (Array.isArray(value)) continue;
      const values = Object.values(value);
      if (values.length > 0 && values.every(looksRight)) found[name] = value;
    }
  }
  return found;
}

const isMethodSpec = (v: unknown): boolean =>
  typeof v === 'object' &&
  v !== null &&
  (v as { input?: unknown }).input instanceof z.ZodType &&
  (v as { result?: unknown }).result instanceof z.ZodType;
const isFunction = (v: unknown): boolean => typeof v === 'function';

/** Domain name → its method map, e.g. places → placesMethods. */
let domains: Record<string, Record<string, unknown>> = {};
let handlerMaps: Partial<Handlers<MethodName>>[] = [];

beforeAll(async () => {
  const methodMaps = await exportsEndingWith('shared/contract', 'Methods', isMethodSpec);
  domains = Object.fromEntries(
    Object.entries(methodMaps).map(([name, map]) => [
      name.slice(0, -'Methods'.length),
      map as Record<string, unknown>,
    ]),
  );
  handlerMaps = Object.values(
    await exportsEndingWith('electron/services', 'Handlers', isFunction),
  ).map((map) => map as Partial<Handlers<MethodName>>);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the contract', () => {
  it('finds the known domains among the contract files', () => {
    expect(domains.places).toBe(placesMethods);
    expect(domains.system).toBe(systemMethods);
  });

  it('has no method name in two domains (the spread would silently drop one)', () => {
    const sum = Object.values(domains).reduce((n, methods) => n + Object.keys(methods).length, 0);
    expect(Object.keys(contract)).toHaveLength(sum);
    expect(methodNames).toHaveLength(sum);
  });

  it('names every method domain.verb, under the domain that declares it', () => {
    for (const [domain, methods] of Object.entries(domains)) {
      for (const name of Object.keys(methods)) {
        expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-zA-Z]+$/);
        // A domain's methods share one prefix (assetsMethods may hold 'assets.*').
        expect(domain.startsWith(name.split('.')[0] ?? '?'), `${name} in ${domain}`).toBe(true);
      }
    }
  });

  it('gives every method an input and a result schema', () => {
    for (const name of methodNames) {
      const spec = contract[name];
      expect(spec.input, name).toBeInstanceOf(z.ZodType);
      expect(spec.result, name).toBeInstanceOf(z.ZodType);
    }
  });

  it('knows its own names and nothing inherited from Object', () => {
    expect(isMethodName('places.create')).toBe(true);
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'places', '']) {
      expect(isMethodName(name), name).toBe(false);
    }
  });
});

describe('the dispatch table', () => {
  it('has exactly one handler for every contract method', () => {
    expect(handlerMaps).toContain(placesHandlers);
    expect(handlerMaps).toContain(systemHandlers);
    const table = combineHandlers(...handlerMaps);
    expect([...table.keys()].sort()).toEqual([...methodNames].sort());
    for (const handler of table.values()) expect(typeof handler).toBe('function');
  });

  it('refuses two handlers for the same method', () => {
    expect(() => combineHandlers(placesHandlers, placesHandlers)).toThrow(/Two handlers/);
    const again: Partial<Handlers<MethodName>> = {
      'system.info': systemHandlers['system.info'],
    };
    expect(() => combineHandlers(systemHandlers, placesHandlers, again)).toThrow(/system\.info/);
  });

  it('refuses a handler for a method the contract does not declare', () => {
    const stranger = { 'places.teleport': () => ({}) } as unknown as Partial<Handlers<MethodName>>;
    expect(() => combineHandlers(stranger)).toThrow(/places\.teleport/);
  });
});

describe('DeskError and the error body', () => {
  it('round-trips through toBody and fromBody, with and without details', () => {
    const withDetails = new DeskError('CONFLICT', '“图书馆”下还有楼层', {
      reason: 'HAS_CHILDREN',
      childCount: 3,
      nested: { list: [1, 'a', null] },
    });
    const body = withDetails.toBody();
    expect(body).toEqual({
      code: 'CONFLICT',
      message: '“图书馆”下还有楼层',
      details: { reason: 'HAS_CHILDREN', childCount: 3, nested: { list: [1, 'a', null] } },
    });
    const back = DeskError.fromBody(JSON.parse(JSON.stringify(body)) as ApiErrorBody);
    expect(back).toBeInstanceOf(DeskError);
    expect(back).toBeInstanceOf(Error);
    expect(back.name).toBe('DeskError');
    expect(back.toBody()).toEqual(body);

    const bare = new DeskError('NOT_FOUND', 'gone');
    expect(bare.toBody()).toEqual({ code: 'NOT_FOUND', message: 'gone' });
    expect('details' in bare.toBody()).toBe(false);
    expect(DeskError.fromBody(bare.toBody()).toBody()).toEqual(bare.toBody());
  });

  it('recognises exactly its own codes, each with an HTTP status', () => {
    for (const code of errorCodes) {
      expect(isErrorCode(code)).toBe(true);
      expect(httpStatusOf[code]).toBeGreaterThanOrEqual(400);
    }
    for (const value of ['validation', 'OOPS', 42, null, undefined]) {
      expect(isErrorCode(value)).toBe(false);
    }
  });

  it('turns a zod failure into VALIDATION naming each field path', () => {
    const schema = z.object({ patch: z.object({ name: z.string() }), limit: z.number() });
    const parsed = schema.safeParse({ patch: { name: 1 }, limit: 'x' });
    if (parsed.success) throw new Error('should fail');
    const error = validationError(parsed.error);
    expect(error.code).toBe('VALIDATION');
    const details = error.details as { issues: { path: string; message: string }[] };
    expect(details.issues.map((i) => i.path)).toEqual(['patch.name', 'limit']);
    expect(error.message).toMatch(/^Invalid input: patch\.name: .+; limit: .+$/);
    expect(validationError(z.string().safeParse(1).error as ZodError).toBody().details).toEqual({
      issues: [{ path: '(root)', message: expect.any(String) as string }],
    });
  });

  it('maps SQLite failures to their codes and anything else to INTERNAL without a stack', () => {
    const sqlite = (code: string) => Object.assign(new Error(`sqlite says ${code}`), { code });
    expect(toErrorBody(sqlite('SQLITE_CONSTRAINT_UNIQUE')).code).toBe('CONFLICT');
    expect(toErrorBody(sqlite('SQLITE_CONSTRAINT_FOREIGNKEY')).code).toBe('CONSTRAINT');
    expect(toErrorBody(sqlite('SQLITE_CONSTRAINT_CHECK')).code).toBe('CONSTRAINT');
    expect(toErrorBody(sqlite('SQLITE_FULL')).code).toBe('DISK_FULL');
    expect(toErrorBody(sqlite('SQLITE_READONLY')).code).toBe('READ_ONLY');
    expect(toErrorBody(new DeskError('NOT_FOUND', 'x')).code).toBe('NOT_FOUND');

    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const thrown of [new TypeError('secret /home/user/path'), 'a string', null, 42]) {
      const body = toErrorBody(thrown);
      expect(body.code).toBe('INTERNAL');
      expect(body.details).toBeUndefined();
      expect(JSON.stringify(body)).not.toMatch(/secret|\/home|\bat /);
    }
    expect(logged).toHaveBeenCalledTimes(4);
  });
});

describe('patch schemas', () => {
  it('leave out what a patch does not name instead of filling in creation defaults', () => {
    const patches: [string, Record<string, unknown>][] = [
      ['crews.update', { active: false }],
      ['crews.updateTechnician', { phone: '13800000000' }],
      ['parts.update', { notes: '移到二号库房' }],
      ['plans.update', { leadDays: 3 }],
      ['workOrders.update', { findings: '灯管老化' }],
    ];
    for (const [method, patch] of patches) {
      const spec = contract[method as keyof typeof contract];
      const parsed = spec.input.parse({ id: 'x', patch }) as { patch: Record<string, unknown> };
      expect(parsed.patch, method).toEqual(patch);
    }
  });
});
