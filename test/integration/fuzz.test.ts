// Fuzzing the API with malformed input, seeded and bounded: thousands of generated inputs to the
// dispatch table (wrong types, missing and extra fields, 1 MB strings, NaN and ±Infinity as real
// numbers, far-past, far-future and impossible dates, SQL and FTS syntax, lone surrogates, 10,000
// levels of nesting, `__proto__`/`constructor` keys), to the CSV/XLSX importers (truncated,
// re-encoded, ragged, BOM in the middle, random bytes, a zip that is not a workbook, a workbook
// without its sheet), and a subset over real HTTP through the web host (invalid UTF-8 bytes,
// escaped lone surrogates, 10,000-level JSON, bad method names, wrong verbs and types).
//
// Every input must be answered by an envelope: ok with a result that passes the contract (results
// are validated) and the checks below, or an error with a known code other than INTERNAL and a
// message. An INTERNAL answer is a bug. A rejected input must leave the database as it was
// (a cheap fingerprint after every case, a full dump around every 100th); read-only methods and
// the import dry run must leave it as it was even when they succeed; nothing may pollute
// Object.prototype. Over HTTP no answer is a 5xx and the server keeps answering.
//
// Besides the random cases, a sweep puts each of a list of hostile values into every field of
// every method once: random mutations rarely land a given value in a given field.
//
// Cases are drawn in batches of 50 from fast-check with seeds derived from FUZZ_SEED (default
// below), so any case replays from its batch and index; failures name both. By hand:
// FUZZ_SCALE=10 runs ten times the cases, FUZZ_SHOW=<code> prints the cases answered with that
// code, FUZZ_TRACE=<file> writes every case's answer so that two runs can be diffed.
import fs from 'node:fs';
import type http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { openCore } from '../../electron/core';
import { httpStatusOf } from '../../electron/web/httpStatus';
import { createWebHost } from '../../electron/web/server';
import { isErrorCode, methodNames, type Envelope, type MethodName } from '../../shared/contract';
import { importEnded } from '../../electron/worker/importJobs';
import { call } from '../support/api';
import {
  createCampus,
  equipmentInput,
  fixtureInput,
  meterInput,
  zoneInput,
} from '../support/assets';
import { dumpDb, tableNames } from '../support/dump';
import {
  addTechnician,
  createCrew,
  createOrder,
  createRequest,
  walkTo,
} from '../support/maintenance';
import { addReading, createMeter, sh } from '../support/meters';
import { createPlan, weeklyPlan } from '../support/plans';
import { csvCase, stableXlsx, xlsxCase, type FileCase } from '../support/fuzzFiles';
import {
  applyMutations,
  deepJson,
  describeInput,
  HUGE,
  leafPaths,
  mutation,
  sweepValues,
  withValueAt,
  type Mutation,
} from '../support/fuzzValues';
import { close, listen, rawRequest, type RawResponse } from '../support/http';
import { mixSeed } from '../support/prng';
import { tempDir, type TempDir } from '../support/tempDb';

const SEED = Number(process.env.FUZZ_SEED ?? 8_2026);
/** FUZZ_SCALE=10 runs ten times the cases, for a longer hunt by hand; npm test runs scale 1. */
const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1));
const API_CASES = 2_000 * SCALE;
const CSV_CASES = 600 * SCALE;
const XLSX_CASES = 200 * SCALE;
const HTTP_CASES = 200 * SCALE;
const BATCH = 50;
const TOKEN = 'fuzz-token-0123456789abcdef';

/** Methods whose success writes nothing: their fingerprint must hold whatever they answer. */
const READ_ONLY = new Set<string>([
  'places.list',
  'places.get',
  'places.search',
  'assets.list',
  'assets.get',
  'assets.pick',
  'assets.facets',
  'assets.importPreview',
  'assets.export',
  'assets.template',
  'system.info',
  'system.setOperator',
  'audit.list',
  'audit.get',
  'audit.export',
  'audit.facets',
  'backup.list',
  'backup.startupCheck',
  'data.exportAll',
  'crews.list',
  'workOrders.get',
  'workOrders.query',
  'workOrders.calendar',
  'workOrders.board',
  'workOrders.kpis',
  'workOrders.attachment',
  'workOrders.printData',
  'workOrders.prints',
  'requests.list',
  'requests.get',
  'requests.openOrdersFor',
  'parts.list',
  'parts.movements',
  'parts.reorderList',
  'plans.preview',
  'plans.describe',
  'plans.list',
  'plans.get',
  'meters.readings',
  'meters.checkReading',
  'meters.events',
  'meters.daily',
  'meters.monthly',
  'meters.yearly',
  'meters.reviews',
  'meters.round',
  'settings.get',
  'meters.importStart',
  'meters.importJob',
  'meters.importCancel',
  'people.headcounts',
  'people.enterprises',
  'people.importPreview',
  'people.template',
  'analytics.yearly',
  'analytics.trend',
  'analytics.monthly',
  'analytics.breakdown',
  'analytics.coverage',
  'analytics.waterBalance',
  'analytics.targets',
  'analytics.nightFlow',
  'analytics.leakAlerts',
  'analytics.park',
  'analytics.lighting',
  'analytics.irrigation',
]);

/**
 * Not fuzzed on purpose: they write or replace a file at a path the input names, and random paths
 * would have the test write across this machine. Their inputs are checked in their own tests.
 */
const NOT_FUZZED = new Set<string>(['backup.now', 'backup.restore']);

let tmp: TempDir;
let api: Api;
let server: http.Server;
let port: number;
let fingerprint: () => string;
/** A valid input of each fuzzed method, built on the fixture's places and assets. */
let bases: Record<string, unknown>;
/** Values the database knows, mixed into hostile values to reach deeper code. */
let known: unknown[];
let validCsvs: Uint8Array[];
let validXlsx: Uint8Array[];
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();

/** What every answer was, for the summary line and the count of cases. */
const tally = new Map<string, number>();
function count(key: string): void {
  tally.set(key, (tally.get(key) ?? 0) + 1);
}

function b64(text: string | Uint8Array): string {
  return Buffer.from(text).toString('base64');
}

/** One statement reading, per table, its row count, highest rowid and latest updated_at. */
function makeFingerprint(): () => string {
  const db = api.core.db;
  const parts = [
    '(SELECT count(*) FROM sqlite_master)',
    '(SELECT group_concat(name) FROM sqlite_master)',
  ];
  for (const table of tableNames(db)) {
    const sql = db
      .prepare<[string], { sql: string | null }>('SELECT sql FROM sqlite_master WHERE name = ?')
      .get(table);
    // Virtual tables are read through their shadow tables, which are listed too.
    if (sql?.sql?.startsWith('CREATE VIRTUAL')) continue;
    const q = `"${table.replace(/"/g, '""')}"`;
    parts.push(`(SELECT count(*) FROM ${q})`);
    try {
      db.prepare(`SELECT max(rowid) FROM ${q}`).get();
      parts.push(`(SELECT max(rowid) FROM ${q})`);
    } catch {
      // A WITHOUT ROWID table: its count stands for it.
    }
    const columns = db.pragma(`table_info(${q})`) as { name: string }[];
    if (columns.some((c) => c.name === 'updated_at'))
      parts.push(`(SELECT max(updated_at) FROM ${q})`);
  }
  const statement = db.prepare(`SELECT json_array(${parts.join(', ')}) AS f`).pluck();
  return () =>
    `${statement.get() as string} v${String(db.pragma('user_version', { simple: true }))}`;
}

/** Checks one answer; `before` is the fingerprint taken just before the call. */
function checkAnswer(
  where: string,
  method: string,
  input: unknown,
  envelope: Envelope<unknown>,
  before: string,
): void {
  // Described once, on first use: every assertion names the case, most cases never fail.
  let described: string | undefined;
  const context = () =>
    (described ??= `${where}: ${method} ${describeInput(input)} → ${describeInput(envelope)}`);
  expect(typeof envelope === 'object' && envelope !== null, context()).toBe(true);
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join(), context()).toBe(prototypeKeys);
  if (process.env.FUZZ_TRACE) {
    const answer = envelope.ok ? 'ok' : envelope.error.code;
    fs.appendFileSync(process.env.FUZZ_TRACE, `${where} ${answer}\n`);
  }
  if (envelope.ok) {
    count('ok');
    if (READ_ONLY.has(method)) expect(fingerprint(), `read-only ${context()}`).toBe(before);
    checkResult(method, input, envelope.result, context);
    return;
  }
  const { code, message } = envelope.error;
  count(code);
  // FUZZ_SHOW=<code> lists the cases answered with that code, to look into them by hand.
  if (process.env.FUZZ_SHOW === code) console.log('SHOW', context().slice(0, 700));
  if (code === 'INTERNAL') throw new Error(`INTERNAL error (a bug): ${context()}`);
  expect(isErrorCode(code), context()).toBe(true);
  expect(typeof message === 'string' && message.trim().length > 0, context()).toBe(true);
  expect(message, context()).not.toMatch(/\n\s+at /);
  // The dispatch checks results against the contract in tests: a failure there is a bug too.
  expect(message, context()).not.toMatch(/^Invalid result of/);
  expect(fingerprint(), `rejected input changed the database: ${context()}`).toBe(before);
}

function field(input: unknown, ...keys: string[]): unknown {
  let value = input;
  for (const key of keys) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** What a successful answer must say beyond its shape. */
function checkResult(method: string, input: unknown, result: unknown, context: () => string): void {
  const stored = (text: unknown) => (typeof text === 'string' ? text.trim() : text);
  switch (method) {
    case 'places.create':
    case 'assets.create':
      expect(field(result, 'name'), context()).toBe(stored(field(input, 'name')));
      expect(field(result, 'code'), context()).toBe(stored(field(input, 'code')) ?? null);
      break;
    case 'places.update':
    case 'assets.update': {
      const name = field(input, 'patch', 'name');
      if (name !== undefined) expect(field(result, 'name'), context()).toBe(stored(name));
      break;
    }
    case 'assets.list': {
      const items = field(result, 'items') as unknown[];
      const limit = field(input, 'limit');
      expect(items.length, context()).toBeLessThanOrEqual(typeof limit === 'number' ? limit : 100);
      expect(field(result, 'total') as number, context()).toBeGreaterThanOrEqual(items.length);
      break;
    }
    case 'assets.addFixtures':
      expect(field(result, 'created'), context()).toBe(field(input, 'count'));
      break;
  }
}

function dispatch(method: string, input: unknown): Envelope<unknown> {
  try {
    return api.dispatch(method, input);
  } catch (error) {
    throw new Error(
      `dispatch threw instead of answering: ${method} ${describeInput(input)}: ${String(error)}`,
    );
  }
}

/** Runs one direct case with its checks (and a full dump around every 100th). */
function runCase(
  where: string,
  method: string,
  input: unknown,
  fullDump: boolean,
): Envelope<unknown> {
  const before = fingerprint();
  const dumped = fullDump ? dumpDb(api.core.db) : undefined;
  const envelope = dispatch(method, input);
  checkAnswer(where, method, input, envelope, before);
  if (dumped && !envelope.ok) expect(dumpDb(api.core.db), where).toEqual(dumped);
  return envelope;
}

/** Draws `total` cases in seeded batches; `visit` gets each with its batch and index. */
function drawCases<T>(
  arb: fc.Arbitrary<T>,
  total: number,
  salt: number,
  visit: (c: T, where: string) => void,
) {
  for (let batch = 0; batch * BATCH < total; batch += 1) {
    const seed = mixSeed(SEED, salt, batch);
    const cases = fc.sample(arb, { seed, numRuns: Math.min(BATCH, total - batch * BATCH) });
    cases.forEach((c, i) => {
      const where = `batch ${batch} case ${i} (seed ${seed})`;
      try {
        visit(c, where);
      } catch (error) {
        // Name the case (assertion messages already do; anything thrown elsewhere would not).
        if (error instanceof Error && !error.message.includes(where)) {
          error.message = `${where}: ${error.message}`;
        }
        throw error;
      }
    });
  }
}

interface ApiCase {
  method: string;
  mutations: Mutation[];
}

function apiCaseArbitrary(): fc.Arbitrary<ApiCase> {
  const methods = Object.keys(bases);
  const wrongNames = [
    'places.lis',
    'PLACES.LIST',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '',
    ' places.list',
    'places.list\u0000',
    'assets.list\ud800',
    `assets.${'x'.repeat(10_000)}`,
    "places.list'; DROP TABLE places; --",
  ];
  return fc.record({
    method: fc.oneof(
      { weight: 30, arbitrary: fc.constantFrom(...methods) },
      { weight: 1, arbitrary: fc.constantFrom(...wrongNames) },
    ),
    mutations: fc.array(mutation(known), { minLength: 1, maxLength: 3 }),
  });
}

/** A case's input: the method's valid base with the mutations applied. */
function inputOf(c: ApiCase): unknown {
  if (c.method === 'system.loadDemo') {
    // Only invalid scales: a valid one would fill the database with demo data on every hit.
    return applyMutations(
      { scale: 'many' },
      c.mutations.filter((m) => m.kind !== 'delete'),
    );
  }
  // Own keys only: a method named '__proto__' or 'constructor' must not find Object's members.
  return applyMutations(Object.hasOwn(bases, c.method) ? bases[c.method] : {}, c.mutations);
}

beforeAll(async () => {
  tmp = tempDir('utility-desk-fuzz-');
  api = openCore(tmp.file(), { validateResults: true, operator: '模糊测试' });
  const campus = createCampus(api);
  const fixtures = [1, 2, 3].map((i) =>
    call(
      api,
      'assets.create',
      fixtureInput(`FX-00${i}`, { placeId: campus.room.id, installDate: '2023-04-01' }),
    ),
  );
  const main = call(
    api,
    'assets.create',
    meterInput('M-1', 'water', 1, { placeId: campus.building.id }),
  );
  const sub = call(api, 'assets.create', meterInput('M-2', 'water', 2, { parentMeterId: main.id }));
  const zone = call(
    api,
    'assets.create',
    zoneInput('Z-1', { linkedMeterId: main.id, placeId: campus.green.id }),
  );
  const pump = call(api, 'assets.create', equipmentInput('E-1', { serial: 'SN-001' }));
  const assets = [...fixtures, main, sub, zone, pump];
  const places = [
    campus.site,
    campus.building,
    campus.floor,
    campus.room,
    campus.room2,
    campus.floor2,
    campus.room201,
    campus.green,
  ];

  // Maintenance and meters: a crew with a technician (and one to delete), orders in several
  // statuses, two repair requests (one with a small photo), parts with stock, plans, and a water
  // meter with readings, a drop waiting in the review queue and a register replacement.
  const crew = createCrew(api, '电工班');
  const tech = addTechnician(api, crew, '王师傅');
  const spareCrew = createCrew(api, '临时班', { trade: 'general' });
  const lamp = fixtures[1] ?? main;
  const openOrder = createOrder(api, {
    category: 'lighting',
    placeId: campus.room.id,
    assetIds: [lamp.id],
    priority: 'high',
    dueDate: '2026-01-20',
    checklist: [{ text: '断电' }, { text: '更换灯管' }],
  });
  const busyOrder = walkTo(
    api,
    createOrder(api, {
      title: '修理漏水龙头',
      category: 'plumbing',
      placeId: campus.room2.id,
      dueDate: '2026-01-10',
    }),
    'in_progress',
    crew.id,
  );
  const doneOrder = walkTo(
    api,
    createOrder(api, { title: '巡检配电箱', type: 'inspection', placeId: campus.floor.id }),
    'completed',
    crew.id,
  );
  const heldOrder = walkTo(
    api,
    createOrder(api, { title: '等待配件', placeId: campus.room.id, dueDate: '2026-02-01' }),
    'on_hold',
  );
  const photoRequest = createRequest(api, {
    assetId: lamp.id,
    priority: 'high',
    source: 'walk_in',
    reportedAt: '2026-01-05T02:00:00Z',
    attachments: [{ name: '现场.jpg', mime: 'image/jpeg', contentBase64: b64('灯管照片') }],
  });
  const leakRequest = createRequest(api, {
    placeId: campus.green.id,
    category: 'water_leak',
    description: '草坪喷头漏水',
  });
  const attachmentId = photoRequest.attachments[0]?.id ?? 'none';
  const tube = call(api, 'parts.create', {
    name: 'T8灯管',
    spec: '18W 1.2m',
    unit: '支',
    onHand: 50,
    reorderPoint: 10,
    storagePlaceId: campus.room.id,
    storageNote: '柜A',
  });
  call(api, 'parts.create', { name: '水管接头', unit: '个', onHand: 2, reorderPoint: 5 });
  call(api, 'parts.issue', { partId: tube.id, workOrderId: busyOrder.id, quantity: 5 });
  const plan = createPlan(
    api,
    weeklyPlan('灯具周检', { kind: 'list', assetIds: [lamp.id] }, { crewId: crew.id }),
  );
  const doomedPlan = createPlan(
    api,
    weeklyPlan('待删计划', { kind: 'filter', filter: { kinds: ['fixture'] } }),
  );
  const { meter } = createMeter(api, 'SB-FZ', {}, campus);
  for (const [local, value] of [
    ['2024-01-01 10:00', 100],
    ['2024-01-15 10:00', 120],
    ['2024-02-01 10:00', 150],
    ['2024-03-01 10:00', 140],
    ['2024-04-01 10:00', 200],
  ] as const) {
    addReading(api, meter.id, local, value);
  }
  const swap = call(api, 'meters.addEvent', {
    meterId: meter.id,
    kind: 'replace',
    at: sh('2024-04-15 10:00'),
    closing: 210,
    opening: 0,
  });
  addReading(api, meter.id, '2024-05-01 10:00', 30);
  const review = call(api, 'meters.reviews', { meterId: meter.id }).items[0];
  if (!review) throw new Error('the meter drop left no review item');

  const auditId = api.core.db.prepare('SELECT id FROM audit_log LIMIT 1').pluck().get() as string;
  const exported = api.dispatch('data.exportAll', {});
  if (!exported.ok) throw new Error(`data.exportAll: ${exported.error.message}`);
  const archive = Buffer.from(
    (exported.result as { contentBase64: string }).contentBase64,
    'base64',
  );
  const csv = `Code,Name,Kind,Place,Lamp type,Rated power (W),Install date\r\nFZ-CSV-1,LED灯管,fixture,A101,led_tube,18,2024-03-05\r\n`;
  const unknownMeterCsv = Buffer.from(
    'meter,timestamp,value\nNO-SUCH,2024-01-01T00:00Z,1',
  ).toString('base64');
  const job = call(api, 'meters.importStart', {
    fileName: 'fuzz.csv',
    contentBase64: unknownMeterCsv,
  });
  await importEnded(job.jobId);
  // People and analytics: an enterprise to edit and one to delete, a headcount file to import.
  const enterprise = call(api, 'people.createEnterprise', {
    siteId: campus.site.id,
    name: '模糊企业',
    code: 'QY-FZ',
  });
  const doomedEnterprise = call(api, 'people.createEnterprise', {
    siteId: campus.site.id,
    name: '待删企业',
  });
  const headcountCsv = '校区,年份,学生,教职工,其他人员\n职业技术学院主校区,2024,8000,600,300\n';
  bases = {
    'places.list': { parentId: campus.site.id },
    'places.get': { id: campus.room.id },
    'places.create': {
      kind: 'room',
      parentId: campus.floor.id,
      name: '新建房间',
      code: 'NEW-1',
      areaM2: 20,
      notes: '备注',
    },
    'places.update': { id: campus.room2.id, patch: { name: '改名教室', areaM2: 80, notes: 'x' } },
    'places.move': { id: campus.room2.id, parentId: campus.floor2.id },
    'places.delete': { id: campus.room201.id, cascade: false },
    'places.search': { q: '教室', kinds: ['room', 'area'], limit: 5 },
    'assets.list': {
      filter: {
        q: 'LED',
        kinds: ['fixture'],
        statuses: ['in_service'],
        lampTypes: ['led_tube'],
        placeId: campus.site.id,
        installedFrom: '2020-01-01',
        installedTo: '2030-12-31',
      },
      sort: { column: 'code', direction: 'asc' },
      offset: 0,
      limit: 50,
    },
    'assets.get': { id: main.id },
    'assets.create': fixtureInput('FZ-NEW-1', {
      placeId: campus.room.id,
      installDate: '2024-01-02',
      lastReplaced: '2024-06-01',
      dailyHours: 10,
      custom: { 资产来源: '采购', 年份: 2024, 已验收: true },
    }),
    'assets.update': {
      id: (fixtures[0] ?? main).id,
      patch: { name: '改名灯管', ratedPowerW: 36, installDate: '2022-02-02', status: 'faulty' },
    },
    'assets.delete': { id: (fixtures[2] ?? main).id },
    'assets.bulkUpdate': {
      selection: { ids: fixtures.map((f) => f.id) },
      patch: { status: 'standby', fields: { dailyHours: 8 }, notes: '批量' },
    },
    'assets.addFixtures': {
      placeId: campus.room2.id,
      count: 2,
      lampType: 'panel',
      ratedPowerW: 36,
      codePrefix: 'FZ-ADD-',
      installDate: '2024-05-05',
      dailyHours: 12,
    },
    'assets.pick': { selection: { filter: { kinds: ['meter'] }, exceptIds: [sub.id] }, limit: 10 },
    'assets.facets': { filter: { q: '灯' } },
    'assets.importPreview': { fileName: 'fuzz.csv', contentBase64: b64(csv) },
    'assets.importCommit': { fileName: 'fuzz.csv', contentBase64: b64(csv), mode: 'all' },
    'assets.export': { filter: { kinds: ['fixture'] }, format: 'csv', language: 'zh-CN' },
    'assets.template': { format: 'csv', language: 'en' },
    'system.info': {},
    'system.setOperator': { name: '张三' },
    'system.loadDemo': { scale: 'many' },
    'audit.list': {
      entity: 'asset',
      actor: '模糊测试',
      action: 'update',
      from: '2020-01-01',
      to: '2100-01-01T00:00:00Z',
      q: '批量',
      offset: 0,
      limit: 20,
    },
    'audit.get': { id: auditId },
    'audit.export': { entity: 'place', language: 'zh-CN', timeZone: 'Asia/Shanghai' },
    'audit.facets': {},
    'backup.list': {},
    'backup.startupCheck': {},
    'data.exportAll': {},
    // The register is not empty, so a valid archive is refused; mutations probe the refusals.
    'data.importAll': { fileName: 'desk-export.zip', contentBase64: b64(archive) },
    // Only a core that failed to open answers this; a healthy one refuses it with CONFLICT.
    'backup.recover': {},
    'crews.list': { includeInactive: true },
    'crews.create': {
      name: '水工班',
      trade: 'plumber',
      phone: '0571-1234',
      active: true,
      notes: '夜班',
    },
    'crews.update': {
      id: crew.id,
      patch: { name: '电工一班', phone: '(0571) 8888-1', active: true, notes: '备注' },
    },
    'crews.delete': { id: spareCrew.id },
    'crews.addTechnician': {
      crewId: crew.id,
      name: '李师傅',
      trade: 'electrician',
      phone: '+86 138 0000 0000',
      active: true,
    },
    'crews.updateTechnician': {
      id: tech.id,
      patch: { name: '王师傅', trade: 'general', phone: '139', active: true },
    },
    'workOrders.create': {
      type: 'corrective',
      category: 'lighting',
      title: '更换灯管',
      description: '第二排左侧两支',
      placeId: campus.room.id,
      assetIds: [lamp.id],
      crewId: crew.id,
      technicianId: tech.id,
      priority: 'high',
      dueDate: '2026-01-15',
      checklist: [{ text: '断电', done: false }],
      estimatedHours: 2,
      newLampType: 'led_tube',
      newPowerW: 18,
      requester: '张三',
      requesterPhone: '13800000000',
    },
    'workOrders.get': { id: openOrder.id },
    'workOrders.update': {
      id: openOrder.id,
      patch: {
        title: '更换灯管（两支）',
        priority: 'urgent',
        dueDate: '2026-01-18',
        estimatedHours: 1.5,
        checklist: [{ text: '断电', done: true }],
      },
    },
    'workOrders.transition': {
      id: openOrder.id,
      to: 'assigned',
      note: '派单',
      crewId: crew.id,
      technicianId: tech.id,
    },
    'workOrders.query': {
      filter: {
        q: '灯管',
        statuses: ['open', 'assigned'],
        types: ['corrective'],
        crewId: crew.id,
        placeId: campus.site.id,
        dueFrom: '2026-01-01',
        dueTo: '2026-12-31',
        overdue: true,
        assetId: lamp.id,
      },
      sort: { column: 'dueDate', direction: 'asc' },
      offset: 0,
      limit: 50,
    },
    'workOrders.calendar': {
      from: '2026-01-01',
      to: '2026-01-31',
      crewId: crew.id,
      includeDone: true,
    },
    'workOrders.board': { date: '2026-01-15' },
    'workOrders.kpis': {},
    'workOrders.markPrinted': {
      ids: [busyOrder.id, heldOrder.id],
      copies: 2,
      layout: 'a5x2',
      output: 'pdf',
    },
    'workOrders.printData': { ids: [busyOrder.id, heldOrder.id, openOrder.id] },
    'workOrders.prints': { id: busyOrder.id },
    'workOrders.attachment': { id: attachmentId },
    'requests.create': {
      reporter: '李四',
      phone: '13900000000',
      placeId: campus.room.id,
      assetId: lamp.id,
      category: 'lighting',
      description: '灯管闪烁',
      priority: 'normal',
      source: 'patrol',
      reportedAt: '2026-01-06T01:30:00Z',
      // No file here: the sweep would store its 1 MB string as a valid 768 KB photo, and every
      // full dump after it would pay for it. Files are refused or kept in repairRequests.test.ts.
      attachments: [],
    },
    'requests.list': { status: 'new', offset: 0, limit: 20 },
    'requests.get': { id: photoRequest.id },
    'requests.openOrdersFor': { assetId: lamp.id, placeId: campus.room.id },
    'requests.convert': {
      id: photoRequest.id,
      title: '教室灯管不亮',
      crewId: crew.id,
      dueDate: '2026-01-12',
    },
    'requests.merge': { id: leakRequest.id, workOrderId: busyOrder.id },
    'parts.list': { q: '灯', belowReorder: false, offset: 0, limit: 50 },
    'parts.create': {
      name: 'LED面板灯',
      spec: '36W 600×600',
      unit: '套',
      reorderPoint: 2,
      storagePlaceId: campus.room2.id,
      storageNote: '货架3',
      notes: '新品',
      onHand: 8,
    },
    'parts.update': {
      id: tube.id,
      patch: { name: 'T8灯管（LED）', spec: '18W', reorderPoint: 12, storageNote: '柜B' },
    },
    'parts.receive': { partId: tube.id, quantity: 10, note: '采购入库' },
    'parts.issue': { partId: tube.id, workOrderId: busyOrder.id, quantity: 2, note: '领用' },
    'parts.return': { partId: tube.id, workOrderId: busyOrder.id, quantity: 1, note: '退回' },
    'parts.adjust': { partId: tube.id, countedOnHand: 44, reason: '盘点' },
    'parts.movements': { partId: tube.id, workOrderId: busyOrder.id, offset: 0, limit: 50 },
    'parts.reorderList': {},
    'plans.preview': {
      rule: 'FREQ=MONTHLY;BYDAY=-1FR',
      start: '2026-01-01T08:00',
      timeZone: 'Asia/Shanghai',
      count: 3,
    },
    'plans.describe': { rule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO', language: 'zh-CN' },
    'plans.list': { language: 'en' },
    'plans.get': { id: plan.id, language: 'zh-CN' },
    'plans.create': weeklyPlan(
      '灯具月检',
      { kind: 'list', assetIds: [lamp.id] },
      {
        recurrence: { kind: 'rrule', rule: 'FREQ=MONTHLY;BYMONTHDAY=1' },
        orderType: 'inspection',
        category: 'lighting',
        priority: 'normal',
        placeId: campus.room.id,
        crewId: crew.id,
        notes: '月检',
      },
    ),
    'plans.update': {
      id: plan.id,
      patch: { name: '灯具周检（改）', leadDays: 3, estimatedHours: 1.5, priority: 'high' },
    },
    'plans.delete': { id: doomedPlan.id },
    'plans.generate': { planId: plan.id, today: '2026-01-12' },
    'meters.addReading': {
      meterId: meter.id,
      at: sh('2024-06-01 10:00'),
      value: 60,
      estimated: false,
      source: 'manual',
    },
    'meters.editReading': {
      meterId: meter.id,
      at: sh('2024-04-01 10:00'),
      patch: { value: 205, estimated: true },
    },
    'meters.deleteReading': { meterId: meter.id, at: sh('2024-01-15 10:00') },
    'meters.readings': {
      meterId: meter.id,
      from: '2024-01-01T00:00Z',
      to: '2024-12-31T23:59+08:00',
      offset: 0,
      limit: 50,
    },
    'meters.checkReading': {
      meterId: meter.id,
      at: sh('2024-06-01 10:00'),
      value: 55,
      estimated: false,
    },
    'meters.addEvent': {
      meterId: meter.id,
      kind: 'replace',
      at: sh('2024-05-15 10:00'),
      closing: 40,
      opening: 0,
      multiplier: 1,
      registerDigits: 6,
      serial: 'SN-FZ-2',
      note: '换表',
    },
    'meters.deleteEvent': { id: swap.id },
    'meters.events': { meterId: meter.id },
    'meters.daily': { meterId: meter.id, from: '2024-01-01', to: '2024-03-31' },
    'meters.monthly': { meterId: meter.id, from: '2024-01', to: '2024-12' },
    'meters.yearly': { meterId: meter.id, from: 2023, to: 2025 },
    'meters.reviews': { status: 'open', meterId: meter.id, offset: 0, limit: 20 },
    'meters.resolveReview': { id: review.id, resolution: { as: 'accept' }, note: '确认回拨' },
    'meters.round': { placeId: campus.building.id, utility: 'water', at: sh('2024-06-01 10:00') },
    'meters.rebuild': { meterId: meter.id },
    // A file naming no known meter: a dry run reports it, a commit (a mutated dryRun) is refused,
    // so no job ever writes while the database is compared.
    'settings.get': {},
    'settings.update': {
      organisationName: '后勤处',
      standardPersonWeights: { others: 0.5 },
      waterLossThreshold: 0.1,
      leakAlert: { nights: 3, windowStart: '02:00' },
    },
    'meters.importStart': { fileName: 'fuzz.csv', contentBase64: unknownMeterCsv, dryRun: true },
    'meters.importJob': { jobId: job.jobId },
    'meters.importCancel': { jobId: job.jobId },
    'people.headcounts': { siteId: campus.site.id, fromYear: 2020, toYear: 2030 },
    'people.setHeadcount': {
      siteId: campus.site.id,
      year: 2024,
      students: 8000,
      staff: 600,
      residents: 200,
      others: 300,
    },
    'people.deleteHeadcount': { siteId: campus.site.id, year: 2024 },
    'people.enterprises': { siteId: campus.site.id },
    'people.createEnterprise': {
      siteId: campus.site.id,
      name: '新材料公司',
      code: 'QY-NEW',
      placeId: campus.building.id,
      notes: '重点用水户',
    },
    'people.updateEnterprise': {
      id: enterprise.id,
      patch: { name: '模糊企业（改）', code: 'QY-FZ2', placeId: campus.building2.id, notes: 'x' },
    },
    'people.deleteEnterprise': { id: doomedEnterprise.id },
    'people.setEnterpriseYear': {
      enterpriseId: enterprise.id,
      year: 2024,
      valueAdded: 10_500,
      waterQuota: 110_000,
    },
    'people.setEnterpriseMeters': { enterpriseId: enterprise.id, meterIds: [sub.id] },
    'people.importPreview': {
      kind: 'headcounts',
      fileName: 'people.csv',
      contentBase64: b64(headcountCsv),
    },
    'people.importCommit': {
      kind: 'headcounts',
      fileName: 'people.csv',
      contentBase64: b64(headcountCsv),
      mode: 'all',
    },
    'people.template': { kind: 'enterprises', format: 'csv', language: 'zh-CN' },
    'analytics.yearly': { siteId: campus.site.id, utility: 'water', year: 2024 },
    'analytics.trend': { siteId: campus.site.id, utility: 'water', fromYear: 2022, toYear: 2024 },
    'analytics.monthly': { placeId: campus.building.id, utility: 'water', year: 2024 },
    'analytics.breakdown': {
      siteId: campus.site.id,
      utility: 'water',
      from: '2024-01-01',
      to: '2024-12-31',
    },
    'analytics.coverage': { siteId: campus.site.id, utility: 'water' },
    'analytics.waterBalance': { meterId: main.id, from: '2024-01-01', to: '2024-06-30' },
    'analytics.targets': { siteId: campus.site.id, utility: 'water' },
    'analytics.setTarget': {
      siteId: campus.site.id,
      utility: 'water',
      year: 2024,
      total: 100_000,
      perCapitaPerYear: 30,
    },
    'analytics.nightFlow': { siteId: campus.site.id, from: '2024-03-01', to: '2024-03-31' },
    'analytics.leakAlerts': { siteId: campus.site.id, from: '2024-01-01', to: '2024-06-30' },
    // No alert in the fixture: answered NOT_FOUND, and mutations probe the refusals.
    'analytics.requestFromLeakAlert': {
      siteId: campus.site.id,
      startNight: '2024-03-05',
      reporter: '值班员',
    },
    'analytics.park': { siteId: campus.site.id, year: 2024 },
    'analytics.lighting': { siteId: campus.site.id, year: 2024 },
    'analytics.irrigation': { siteId: campus.site.id, year: 2024 },
  } satisfies Partial<Record<MethodName, unknown>>;
  known = [
    ...places.map((p) => p.id),
    ...assets.map((a) => a.id),
    crew.id,
    tech.id,
    openOrder.id,
    doneOrder.id,
    doneOrder.number,
    photoRequest.id,
    tube.id,
    plan.id,
    meter.id,
    review.id,
    enterprise.id,
    'assigned',
    'completed',
    'electrician',
    'FREQ=DAILY',
    'Asia/Shanghai',
    '2024-03-01T10:00+08:00',
    'FX-001',
    'A101',
    'fixture',
    'meter',
    'room',
    'site',
    'in_service',
    'retired',
    'led_tube',
    'water',
    'MO',
    '05:30',
    '2024-03-05',
    'zh-CN',
    'xlsx',
    'valid',
    1,
    true,
  ];

  const file = (method: 'assets.export' | 'assets.template', input: object) => {
    const envelope = api.dispatch(method, input);
    if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
    return new Uint8Array(
      Buffer.from((envelope.result as { contentBase64: string }).contentBase64, 'base64'),
    );
  };
  validCsvs = [
    file('assets.export', { format: 'csv', language: 'zh-CN' }),
    file('assets.export', { format: 'csv', language: 'en' }),
    file('assets.template', { format: 'csv', language: 'zh-CN' }),
    new Uint8Array(Buffer.from(csv)),
  ];
  validXlsx = [
    stableXlsx(file('assets.export', { format: 'xlsx', language: 'zh-CN' })),
    stableXlsx(file('assets.template', { format: 'xlsx', language: 'en' })),
  ];
  fingerprint = makeFingerprint();

  const staticDir = path.join(tmp.dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>fuzz</title>');
  // A high rate limit: the limiter is not under test here, and a 429 would hide real answers.
  server = createWebHost({
    api,
    token: TOKEN,
    staticDir,
    host: '127.0.0.1',
    ratePerSecond: 1_000_000,
  });
  port = await listen(server, '127.0.0.1');
});

afterAll(async () => {
  // How big the successes left the register: it bounds what the cases cost.
  const size = api?.core.db.open
    ? (api.core.db
        .prepare(
          `SELECT (SELECT count(*) FROM places) || ' places, ' || (SELECT count(*) FROM assets) ||
                  ' assets, ' || (SELECT count(*) FROM work_orders) || ' work orders, ' ||
                  (SELECT count(*) FROM repair_requests) || ' requests, ' ||
                  (SELECT count(*) FROM pm_occurrences) || ' plan occurrences, ' ||
                  (SELECT count(*) FROM meter_readings) || ' meter readings, ' ||
                  (SELECT count(*) FROM audit_log) || ' audit entries'`,
        )
        .pluck()
        .get() as string)
    : 'closed';
  if (server) await close(server);
  if (api?.core.db.open) api.core.db.close();
  tmp?.cleanup();
  const total = [...tally.values()].reduce((a, b) => a + b, 0);
  // Methods added to the contract since this test was written are named, not silently skipped.
  const notFuzzed = methodNames.filter((m) => !Object.hasOwn(bases ?? {}, m) && !NOT_FUZZED.has(m));
  console.log(
    `[fuzz] seed ${SEED}: ${total} inputs answered — ${[...tally]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}; database at the end: ${size}; not fuzzed by design: ` +
      `${[...NOT_FUZZED].join(', ')}; new methods not yet fuzzed: ${notFuzzed.join(', ') || 'none'}`,
  );
});

describe('fuzzing the API', () => {
  it(
    `answers ${API_CASES} mutated inputs across the methods with an envelope`,
    { timeout: 120_000 * SCALE },
    () => {
      let n = 0;
      drawCases(apiCaseArbitrary(), API_CASES, 1, (c, where) => {
        runCase(where, c.method, inputOf(c), n % 100 === 0);
        n += 1;
      });
      expect(n).toBe(API_CASES);
    },
  );

  it('sweeps every field of every method with each hostile value, NaN and ±Infinity as real numbers', () => {
    let n = 0;
    for (const [method, base] of Object.entries(bases)) {
      if (method === 'system.loadDemo') continue;
      for (const at of leafPaths(base)) {
        const original = field(base, ...at.map(String));
        sweepValues().forEach((value, i) => {
          const where = `sweep ${method} ${at.join('.')} = value ${i}`;
          const envelope = runCase(where, method, withValueAt(base, at, value), n % 100 === 0);
          const answer = envelope.ok ? 'ok' : envelope.error.code;
          // A number field given a non-finite number, or any text with an unpaired surrogate,
          // can only be a validation error.
          if (
            typeof original === 'number' &&
            typeof value === 'number' &&
            !Number.isFinite(value)
          ) {
            expect(answer, where).toBe('VALIDATION');
          }
          if (typeof value === 'string' && /[\ud800-\udfff]/.test(value)) {
            expect(answer, where).toBe('VALIDATION');
          }
          n += 1;
        });
      }
    }
    expect(n).toBeGreaterThan(2_000);
  });
});

describe('fuzzing the importers', () => {
  /**
   * The dry run must write nothing even when it succeeds; for every third file the commit follows
   * (mode 'valid' or 'all') and must agree with the dry run: the same counts, or the same refusal.
   */
  function runFile(c: FileCase, where: string, n: number) {
    const commit = n % 3 === 0;
    const mode = n % 2 === 0 ? 'valid' : 'all';
    const input = { fileName: c.fileName, contentBase64: b64(c.bytes) };
    const label = `${where} ${c.label} (${c.fileName}, ${c.bytes.length} bytes)`;
    const preview = runCase(label, 'assets.importPreview', input, n % 25 === 0);
    if (!commit) return;
    const committed = runCase(
      `${label} commit ${mode}`,
      'assets.importCommit',
      { ...input, mode },
      n % 25 === 3,
    );
    if (!preview.ok) {
      expect(committed.ok, label).toBe(false);
      if (!committed.ok) expect(committed.error.code, label).toBe(preview.error.code);
      return;
    }
    const report = preview.result as {
      rows: number;
      valid: number;
      creates: number;
      updates: number;
      unchanged: number;
    };
    if (mode === 'all' && report.valid < report.rows) {
      expect(committed.ok ? 'ok' : committed.error.code, label).toBe('VALIDATION');
    } else {
      expect(committed.ok ? committed.result : committed.error, label).toEqual({
        created: report.creates,
        updated: report.updates,
        unchanged: report.unchanged,
        skipped: report.rows - report.valid,
      });
    }
  }

  it(`answers ${CSV_CASES} malformed CSV files`, { timeout: 120_000 * SCALE }, () => {
    let n = 0;
    drawCases(csvCase(validCsvs), CSV_CASES, 2, (c, where) => {
      runFile(c, where, n);
      n += 1;
    });
  });

  it(`answers ${XLSX_CASES} malformed XLSX files`, { timeout: 120_000 * SCALE }, () => {
    let n = 0;
    drawCases(xlsxCase(validXlsx), XLSX_CASES, 3, (c, where) => {
      runFile(c, where, n);
      n += 1;
    });
  });
});

describe('fuzzing the web host over HTTP', () => {
  function post(method: string, body: string | Buffer, headers: Record<string, string> = {}) {
    return rawRequest({
      port,
      method: 'POST',
      path: `/api/${method}`,
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
      body,
    });
  }

  /** The method a path segment names, as the host decodes it ('' when it cannot). */
  function decoded(segment: string): string {
    try {
      return decodeURIComponent(segment);
    } catch {
      return '';
    }
  }

  /** The body as the host parses it, for the result checks ('(not JSON)' when it cannot). */
  function parsed(body: string | Buffer): unknown {
    try {
      const text = body.toString();
      return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
    } catch {
      return '(not JSON)';
    }
  }

  /**
   * Writes raw bytes on a fresh connection, ends its side, and returns whatever came back before
   * the server closed it (or '' if nothing did within half a second).
   */
  function onTheWire(bytes: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      let reply = '';
      const timer = setTimeout(() => socket.destroy(), 500);
      socket.on('data', (chunk: Buffer) => (reply += chunk.toString('latin1')));
      socket.on('close', () => {
        clearTimeout(timer);
        resolve(reply);
      });
      socket.on('error', reject);
      socket.end(Buffer.from(bytes, 'latin1'));
    });
  }

  /** A method name as a path segment: percent-encoded UTF-8 (a lone surrogate as U+FFFD). */
  function pathSegment(method: string): string {
    return [...Buffer.from(method, 'utf8')]
      .map((byte) =>
        /[A-Za-z0-9._~-]/.test(String.fromCharCode(byte))
          ? String.fromCharCode(byte)
          : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
      )
      .join('');
  }

  /** A 4xx (or 200 for a well-formed input) with a JSON envelope that fits its status. */
  async function send(where: string, segment: string, body: string | Buffer) {
    const before = fingerprint();
    const res = await post(segment, body);
    const context = `${where}: ${segment.slice(0, 80)} → ${res.status} ${res.text.slice(0, 300)}`;
    expect(res.status, context).toBeLessThan(500);
    if (res.status === 404 && res.headers['content-type']?.startsWith('text/plain')) {
      // Refused before the API (a dot segment in the path): the static files' plain 404.
      count('HTTP 404');
      expect(fingerprint(), context).toBe(before);
      return;
    }
    expect(res.headers['content-type'], context).toMatch(/^application\/json/);
    const envelope = JSON.parse(res.text) as Envelope<unknown>;
    expect(res.status, context).toBe(envelope.ok ? 200 : httpStatusOf[envelope.error.code]);
    checkAnswer(`HTTP ${where}`, decoded(segment), parsed(body), envelope, before);
  }

  it(
    `answers ${HTTP_CASES} generated inputs sent as JSON with 200 or a 4xx`,
    { timeout: 60_000 * SCALE },
    async () => {
      const cases: { c: ApiCase; where: string }[] = [];
      drawCases(apiCaseArbitrary(), HTTP_CASES, 4, (c, where) => cases.push({ c, where }));
      for (const { c, where } of cases) {
        let body: string;
        try {
          // Over JSON, NaN and ±Infinity arrive as null, a Date as text and undefined not at all.
          body = JSON.stringify(inputOf(c)) ?? '';
        } catch {
          // Too deep for JSON.stringify: send the same shape as text.
          body = deepJson(10_000);
        }
        await send(where, pathSegment(c.method), body);
      }
    },
  );

  it(
    'answers malformed bodies, encodings, nesting and method names with a 4xx and keeps serving',
    { timeout: 60_000 * SCALE },
    async () => {
      const bytes = (...parts: (string | number[])[]) =>
        Buffer.concat(
          parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))),
        );
      const bodies: [string, string, string | Buffer][] = [
        ['invalid UTF-8 in a string', 'places.search', bytes('{"q":"', [0xff, 0xfe, 0xfd], '"}')],
        ['overlong UTF-8', 'places.search', bytes('{"q":"', [0xc0, 0xaf, 0xe0, 0x80, 0xaf], '"}')],
        [
          'UTF-8-encoded surrogate',
          'assets.list',
          bytes('{"filter":{"q":"', [0xed, 0xa0, 0x80], '"}}'),
        ],
        ['truncated multi-byte character', 'places.search', bytes('{"q":"楼', [0xe6, 0xa5], '"}')],
        ['invalid UTF-8 in a key', 'places.list', bytes('{"', [0xff], '":1,"parentId":null}')],
        [
          'invalid UTF-8 in a name',
          'places.create',
          bytes('{"kind":"site","parentId":null,"name":"', [0xc3, 0x28], '"}'),
        ],
        [
          'escaped lone surrogate in a name',
          'places.create',
          '{"kind":"site","parentId":null,"name":"\\ud800校区"}',
        ],
        [
          'escaped reversed surrogates in a search',
          'assets.list',
          '{"filter":{"q":"\\udfff\\ud800"}}',
        ],
        [
          'escaped lone surrogate in a code',
          'assets.create',
          '{"code":"X\\udc00","name":"灯","kind":"fixture"}',
        ],
        ['escaped NUL in a search', 'assets.list', '{"filter":{"q":"灯\\u0000"}}'],
        ['10,000 nested arrays as the body', 'assets.list', deepJson(10_000)],
        ['10,000 nested objects as the body', 'places.create', deepJson(10_000, true)],
        ['10,000 nested arrays in a field', 'assets.list', `{"filter":${deepJson(10_000)}}`],
        [
          '10,000 nested objects in custom fields',
          'assets.create',
          `{"code":"D-1","name":"x","kind":"fixture","custom":${deepJson(10_000, true)}}`,
        ],
        ['100,000 nested arrays', 'places.list', deepJson(100_000)],
        ['truncated JSON', 'places.list', '{"parentId": '],
        ['trailing garbage', 'places.list', '{"parentId": null} x'],
        ['NaN literal', 'assets.list', '{"limit": NaN}'],
        ['Infinity literal', 'assets.list', '{"limit": Infinity}'],
        ['number overflowing to Infinity', 'assets.list', '{"limit": 1e400}'],
        ['negative zero', 'assets.list', '{"offset": -0}'],
        ['BOM before the JSON', 'system.info', '\ufeff{}'],
        ['null body', 'places.list', 'null'],
        ['string body', 'places.list', '"places"'],
        ['number body', 'places.list', '42'],
        ['array body', 'places.list', '[]'],
        ['duplicate keys', 'places.get', '{"id":"x","id":{"y":1}}'],
        ['__proto__ key', 'places.list', '{"__proto__":{"polluted":"yes"},"parentId":null}'],
        [
          'constructor.prototype key',
          'system.info',
          '{"constructor":{"prototype":{"polluted":"yes"}}}',
        ],
        ['__proto__ inside a filter', 'assets.list', '{"filter":{"__proto__":{"q":"x"},"q":"灯"}}'],
        [
          '__proto__ in custom fields',
          'assets.create',
          '{"code":"P-1","name":"x","kind":"fixture","custom":{"__proto__":{"polluted":"yes"}}}',
        ],
        ['SQL in every string', 'places.search', `{"q":"'; DROP TABLE assets; --"}`],
        ['1 MB string', 'places.search', JSON.stringify({ q: HUGE })],
        ['3 MB body', 'places.search', JSON.stringify({ q: HUGE + HUGE + HUGE })],
        ['empty body', 'system.info', ''],
      ];
      for (const [label, method, body] of bodies) await send(label, method, body);
      for (let i = 0; i < 30; i += 1) {
        const junk = fc.sample(fc.uint8Array({ maxLength: 400 }), {
          seed: mixSeed(SEED, 5, i),
          numRuns: 1,
        })[0];
        await send(`random bytes ${i}`, 'places.search', Buffer.from(junk ?? []));
      }

      const names = [
        '%ZZ',
        '%E0%A4%A',
        '%ED%A0%80',
        '%00',
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'a'.repeat(10_000),
        'places.list%2F..%2Fx',
        '%F0%9F%92%A9',
        'places.list%00',
      ];
      for (const name of names) await send(`method name ${name.slice(0, 20)}`, name, '{}');

      const before = fingerprint();
      const odd: [string, Promise<RawResponse>][] = [
        ['text/plain', post('places.list', '{"parentId":null}', { 'Content-Type': 'text/plain' })],
        [
          'no content type',
          rawRequest({
            port,
            method: 'POST',
            path: '/api/places.list',
            headers: { Authorization: `Bearer ${TOKEN}` },
            body: '{}',
          }),
        ],
        [
          'GET',
          rawRequest({
            port,
            method: 'GET',
            path: '/api/system.info',
            headers: { Authorization: `Bearer ${TOKEN}` },
          }),
        ],
        [
          'PUT',
          rawRequest({
            port,
            method: 'PUT',
            path: '/api/system.info',
            headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
            body: '{}',
          }),
        ],
        ['no token', post('system.info', '{}', { Authorization: '' })],
        ['wrong token', post('system.info', '{}', { Authorization: 'Bearer nope' })],
        [
          'chunked junk',
          rawRequest({
            port,
            method: 'POST',
            path: '/api/places.list',
            headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
            body: Buffer.from([0x7b, 0xff, 0x00, 0x22]),
            chunked: true,
          }),
        ],
      ];
      for (const [label, pending] of odd) {
        const res = await pending;
        count(`HTTP ${res.status}`);
        expect(res.status, `${label}: ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, label).toBeLessThan(500);
      }
      expect(fingerprint()).toBe(before);

      // Below HTTP: bytes that are not a request, a header with a NUL, a body cut off mid-way.
      const token = `Authorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\n`;
      const host = `Host: 127.0.0.1:${port}\r\n`;
      const wire: [string, string][] = [
        ['not HTTP at all', 'GARBAGE \u0000\u00ff\r\n\r\n'],
        ['a NUL in a header', `POST /api/system.info HTTP/1.1\r\n${host}X-Odd: a\u0000b\r\n\r\n`],
        [
          'a body cut off mid-way',
          `POST /api/places.list HTTP/1.1\r\n${host}${token}Content-Length: 1000\r\n\r\n{"parentId":`,
        ],
      ];
      for (const [label, bytes] of wire) {
        const reply = await onTheWire(bytes);
        const status = /^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1];
        count(status ? `HTTP ${status}` : 'HTTP no answer');
        // A 4xx, or no answer at all to a request that never finished; never a 5xx.
        expect(status ?? 'none', `${label}: ${reply.slice(0, 100)}`).toMatch(/^(4\d\d|none)$/);
      }
      expect(fingerprint()).toBe(before);

      // Still serving, and nothing polluted.
      const alive = await post('system.info', '{}');
      expect(alive.status).toBe(200);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});

describe('the count', () => {
  it('ran at least 2,000 generated inputs that were refused', () => {
    const total = [...tally.values()].reduce((a, b) => a + b, 0);
    expect(total - (tally.get('ok') ?? 0)).toBeGreaterThanOrEqual(2_000);
  });
});
