// Hostile values and input mutations for the fuzz test (test/integration/fuzz.test.ts), built on
// fast-check so that a run is fixed by its seed. An API input is made by taking a valid input of a
// method and applying one to three mutations: a value replaced by a hostile one (wrong type, huge,
// non-finite, a bad date, SQL or FTS syntax, lone surrogates, deep nesting…), a field deleted, an
// extra own key added (including `__proto__` and `constructor`, as JSON.parse would add them), a
// value turned into a string or wrapped in an array, or the whole input replaced.
import fc from 'fast-check';

/** One megabyte of text, shared rather than generated per case. */
export const HUGE = 'x'.repeat(1 << 20);
/** About a megabyte of UTF-8 in three-byte characters. */
export const HUGE_CJK = '楼'.repeat(350_000);

export const SQL_STRINGS = [
  "'; DROP TABLE assets; --",
  '"; DROP TABLE places; --',
  "' OR '1'='1",
  '1); DELETE FROM audit_log; --',
  "') UNION SELECT id, 1, 2 FROM places --",
  "%' OR code LIKE '%",
  '\\',
  '%_%',
  '*',
  '"',
  '""""',
  'a OR b NOT c',
  'NEAR(a b, 2)',
  'code: x*',
  '^x',
  '{code name}: "x"',
] as const;

/** Far past and future, negative, impossible and almost-right dates. */
export const DATE_STRINGS = [
  '-000001-01-01',
  '-0001-01-01',
  '+275760-09-13',
  '275760-09-13',
  '0000-01-01',
  '0001-01-01',
  '1900-01-01',
  '1969-12-31',
  '9999-12-31',
  '10000-01-01',
  '2024-02-30',
  '2023-02-29',
  '2024-13-01',
  '2024-00-10',
  '2024-1-1',
  ' 2024-01-01',
  '2024-01-01T00:00:00Z',
  '2024/01/01',
  '２０２４-０１-０１',
  '٢٠٢٤-٠١-٠١',
  '1e3-01-01',
  'NaN-NaN-NaN',
] as const;

export const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
] as const;

/** Nested arrays (or objects with key "a") `depth` levels deep, built without recursion. */
export function deep(depth: number, objects = false): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = objects ? { a: value } : [value];
  return value;
}

/** The same as JSON text, for the HTTP tests (JSON.stringify itself recurses). */
export function deepJson(depth: number, objects = false): string {
  return objects
    ? `${'{"a":'.repeat(depth)}"leaf"${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}"leaf"${']'.repeat(depth)}`;
}

/** An object whose listed keys are its own enumerable properties, `__proto__` included. */
export function withOwnKeys(entries: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    Object.defineProperty(out, k, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

const loneSurrogates = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('a', '楼', ' '),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const fixedValues: unknown[] = [
  null,
  undefined,
  true,
  false,
  0,
  -0,
  -1,
  0.5,
  NaN,
  Infinity,
  -Infinity,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  2 ** 53,
  -(2 ** 53),
  1e308,
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\u0000\u0000\u0000',
  '\ufeff',
  '\u202e\u202d',
  '\ud800',
  '\udfff\ud800',
  '\uffff',
  'NaN',
  'Infinity',
  '1e999',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  HUGE,
  HUGE_CJK,
  'x'.repeat(201),
  'x'.repeat(5001),
  ...SQL_STRINGS,
  ...DATE_STRINGS,
  ...PROTO_KEYS,
];

/**
 * Hostile containers, built afresh for every use: a later mutation may write into the value it
 * was given, and a shared constant would then change under the cases that follow.
 */
const containerFactories: (() => unknown)[] = [
  () => [],
  () => [null],
  () => ({}),
  () => new Date(0),
  () => deep(10_000),
  () => deep(1_000, true),
  () => withOwnKeys([['__proto__', { polluted: 'yes' }]]),
  () => withOwnKeys([['constructor', { prototype: { polluted: 'yes' } }]]),
];

/**
 * A hostile value; `known` are values the database knows (ids of real places and assets, real
 * codes and enum values), mixed in so that mutated inputs also reach the handlers' deeper paths.
 */
export function hostileValue(known: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...fixedValues) },
    { weight: 1, arbitrary: fc.constantFrom(...containerFactories).map((make) => make()) },
    { weight: 3, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.string() },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: loneSurrogates },
    { weight: 2, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })) },
    { weight: 1, arbitrary: fc.nat({ max: 3000 }).map((d) => deep(d)) },
  );
}

export type Mutation =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'addKey'; at: number; key: string; value: unknown }
  | { kind: 'stringify'; at: number }
  | { kind: 'wrap'; at: number }
  | { kind: 'root'; value: unknown };

export function mutation(known: readonly unknown[]): fc.Arbitrary<Mutation> {
  const value = hostileValue(known);
  const at = fc.nat();
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), at, value }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('addKey' as const),
        at,
        key: fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 10 })),
        value,
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('stringify' as const), at }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrap' as const), at }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('root' as const), value }) },
  );
}

type Container = Record<string, unknown> | unknown[];
interface Slot {
  parent: Container;
  key: string | number;
}

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

/** Every place a value sits in `root` (not the root itself), parents before children. */
function slots(root: unknown): Slot[] {
  const out: Slot[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isContainer(node)) continue;
    const keys: (string | number)[] = Array.isArray(node)
      ? node.map((_, i) => i)
      : Object.keys(node);
    for (const key of keys) {
      out.push({ parent: node, key });
      // Huge or deep hostile values are leaves here: walking them would cost more than the case.
      const child = (node as Record<string | number, unknown>)[key];
      if (out.length < 200) stack.push(child);
    }
  }
  return out;
}

function containers(root: unknown): Container[] {
  const found: Container[] = isContainer(root) ? [root] : [];
  for (const { parent, key } of slots(root)) {
    const value = (parent as Record<string | number, unknown>)[key];
    if (isContainer(value) && !Array.isArray(value)) found.push(value);
  }
  return found;
}

/** JSON-safe deep copy of a valid base input (plain data only). */
export function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Applies mutations in order to a copy of `base`; returns the mutated input. */
export function applyMutations(base: unknown, mutations: readonly Mutation[]): unknown {
  let input = copy(base);
  for (const m of mutations) {
    if (m.kind === 'root') {
      input = m.value;
      continue;
    }
    if (m.kind === 'addKey') {
      const targets = containers(input);
      const target = targets[m.at % Math.max(1, targets.length)];
      if (target && !Array.isArray(target)) {
        Object.defineProperty(target, m.key, {
          value: m.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      continue;
    }
    const all = slots(input);
    const slot = all[m.at % Math.max(1, all.length)];
    if (!slot) continue;
    const parent = slot.parent as Record<string | number, unknown>;
    const current = parent[slot.key];
    if (m.kind === 'set') parent[slot.key] = m.value;
    else if (m.kind === 'stringify') {
      // String() of a 10,000-level array recurses (Array#join) and overflows: name containers.
      parent[slot.key] = isContainer(current)
        ? Object.prototype.toString.call(current)
        : String(current);
    } else if (m.kind === 'wrap') parent[slot.key] = [current];
    else if (Array.isArray(slot.parent)) slot.parent.splice(Number(slot.key), 1);
    else delete parent[slot.key];
  }
  return input;
}

/** A short, printable account of an input for failure messages (huge values abbreviated). */
export function describeInput(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_k, v: unknown) => {
      if (typeof v === 'string' && v.length > 80) return `${v.slice(0, 40)}…(${v.length} chars)`;
      if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
      return v;
    });
    return (text ?? String(value)).slice(0, 600);
  } catch {
    return `${Object.prototype.toString.call(value)} (not JSON-printable)`;
  }
}

/**
 * The values the sweep puts into every field of every method, one at a time: random mutations
 * rarely land a given value in a given field (a NUL in a search box), so each pair is tried once.
 */
export function sweepValues(): unknown[] {
  return [
    null,
    true,
    0,
    -1,
    -0,
    0.5,
    NaN,
    Infinity,
    -Infinity,
    1e308,
    2 ** 53,
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u0000x',
    '灯\u0000\u0000',
    '\ud800',
    'ab\udfff',
    '\ufeff',
    'x'.repeat(201),
    HUGE,
    SQL_STRINGS[0],
    SQL_STRINGS[1],
    '%_%',
    '"',
    'a OR b NOT c',
    'NEAR(a b, 2)',
    '-000001-01-01',
    '+275760-09-13',
    '9999-12-31',
    '0000-01-01',
    '2024-02-30',
    '__proto__',
    'constructor',
    [],
    {},
    new Date(0),
    deep(10_000),
    withOwnKeys([['__proto__', { polluted: 'yes' }]]),
  ];
}

/** Paths of every leaf (non-container value) in a plain JSON value, arrays included. */
export function leafPaths(root: unknown): (string | number)[][] {
  const out: (string | number)[][] = [];
  const stack: [unknown, (string | number)[]][] = [[root, []]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [value, at] = item;
    if (!isContainer(value)) {
      if (at.length > 0) out.push(at);
      continue;
    }
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    for (const [key, child] of entries) stack.push([child, [...at, key]]);
  }
  return out;
}

/** A copy of `base` with the value at `at` replaced. */
export function withValueAt(base: unknown, at: readonly (string | number)[], value: unknown) {
  const input = copy(base);
  let target = input as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[at[at.length - 1] as string | number] = value;
  return input;
}
