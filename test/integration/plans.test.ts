// Maintenance plans through the real dispatch table, results checked against the contract: the
// rule preview in the exact shape scripts rely on, descriptions, plan CRUD with its save-time
// checks and audit trail, and the derived fields (zone, place, asset count, upcoming).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { call, callError, issuePaths } from '../support/api';
import {
  auditRowsFor,
  createAsset,
  createCampus,
  fixtureInput,
  type Campus,
} from '../support/assets';
import { plansHandlers } from '../../electron/services/plans';
import { createPlan, ctxOf, insertCrew, weeklyPlan } from '../support/plans';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;
let campus: Campus;

beforeEach(() => {
  t = openTempApi();
  api = t.api;
  campus = createCampus(api);
});

afterEach(() => {
  t.cleanup();
});

describe('plans.preview', () => {
  it('answers exactly { occurrences } in local time', () => {
    const result = call(api, 'plans.preview', {
      rule: 'FREQ=MONTHLY;BYDAY=-1FR',
      start: '2026-01-01T08:00',
      timeZone: 'Asia/Shanghai',
      count: 3,
    });
    expect(result).toEqual({
      occurrences: ['2026-01-30T08:00', '2026-02-27T08:00', '2026-03-27T08:00'],
    });
  });

  it('counts the start only when it matches the rule, and gives 10 by default', () => {
    const rule = 'FREQ=WEEKLY;BYDAY=MO';
    const fromSaturday = call(api, 'plans.preview', {
      rule,
      start: '2026-01-31T08:00',
      timeZone: 'Asia/Shanghai',
      count: 2,
    });
    expect(fromSaturday.occurrences).toEqual(['2026-02-02T08:00', '2026-02-09T08:00']);
    const fromMonday = call(api, 'plans.preview', {
      rule,
      start: '2026-02-02T08:00',
      timeZone: 'Asia/Shanghai',
    });
    expect(fromMonday.occurrences).toHaveLength(10);
    expect(fromMonday.occurrences[0]).toBe('2026-02-02T08:00');
  });

  it('names the field at fault: rule, timeZone, start', () => {
    const base = {
      rule: 'FREQ=WEEKLY;BYDAY=MO',
      start: '2026-01-05T08:00',
      timeZone: 'Asia/Shanghai',
    };
    const badRule = callError(api, 'plans.preview', { ...base, rule: 'FREQ=HOURLY;BYDAY=XX' });
    expect(badRule.code).toBe('VALIDATION');
    expect(issuePaths(badRule)).toEqual(['rule']);
    const badZone = callError(api, 'plans.preview', { ...base, timeZone: 'Mars/Olympus' });
    expect(badZone.code).toBe('VALIDATION');
    expect(issuePaths(badZone)).toEqual(['timeZone']);
    const badStart = callError(api, 'plans.preview', { ...base, start: '2026-02-30T08:00' });
    expect(issuePaths(badStart)).toEqual(['start']);
    // The contract refuses a start with seconds or a zone before the rule is looked at.
    expect(callError(api, 'plans.preview', { ...base, start: '2026-01-05T08:00:00Z' }).code).toBe(
      'VALIDATION',
    );
  });
});

describe('plans.describe', () => {
  it('describes a rule in Chinese and English and refuses a bad one on "rule"', () => {
    const zh = call(api, 'plans.describe', { rule: 'FREQ=MONTHLY;BYDAY=-1FR', language: 'zh-CN' });
    const en = call(api, 'plans.describe', { rule: 'FREQ=MONTHLY;BYDAY=-1FR', language: 'en' });
    expect(zh.description).toMatch(/[\u4e00-\u9fff]/);
    expect(en.description).toMatch(/friday/i);
    const error = callError(api, 'plans.describe', { rule: 'FREQ=SOMETIMES', language: 'en' });
    expect(error.code).toBe('VALIDATION');
    expect(issuePaths(error)).toEqual(['rule']);
  });
});

describe('create, get, list', () => {
  it('derives place and zone from the filter, counts assets without the retired ones', () => {
    createAsset(api, fixtureInput('LED-001', { placeId: campus.room.id }));
    createAsset(api, fixtureInput('LED-002', { placeId: campus.room2.id }));
    createAsset(api, fixtureInput('LED-003', { placeId: campus.room2.id, status: 'retired' }));
    createAsset(api, fixtureInput('LED-B01', { placeId: campus.roomB.id }));
    const crewId = insertCrew(api);
    const plan = createPlan(
      api,
      weeklyPlan(
        '教学楼A灯具月检',
        { kind: 'filter', filter: { placeId: campus.building.id, kinds: ['fixture'] } },
        {
          timeZone: undefined,
          crewId,
        },
      ),
    );
    expect(plan).toMatchObject({
      name: '教学楼A灯具月检',
      active: true,
      orderType: 'inspection',
      placeId: campus.building.id,
      timeZone: 'Asia/Shanghai',
      crewId,
      crewName: '电工班',
      assetCount: 2,
      openOrders: 0,
      leadDays: 7,
      recurrence: { kind: 'rrule', rule: 'FREQ=WEEKLY;BYDAY=MO' },
      checklist: [
        { text: '检查灯具是否点亮', done: false },
        { text: '清洁灯罩', done: false },
      ],
    });
    expect(plan.description).toMatch(/[\u4e00-\u9fff]/);
    expect(plan.upcoming).toHaveLength(5);
    expect([...plan.upcoming].sort()).toEqual(plan.upcoming);
    for (const o of plan.upcoming) expect(o).toMatch(/^\d{4}-\d{2}-\d{2}T08:00$/);

    const got = call(api, 'plans.get', { id: plan.id, language: 'en' });
    expect(got).toEqual({ ...plan, description: got.description });
    expect(got.description).toMatch(/monday/i);
    const list = call(api, 'plans.list', {});
    expect(list.items.map((p) => p.id)).toEqual([plan.id]);
  });

  it("takes the zone of the plan's site when none is given", () => {
    const site = call(api, 'places.create', {
      kind: 'site',
      parentId: null,
      name: '新疆分校',
      timeZone: 'Asia/Urumqi',
    });
    const asset = createAsset(api, fixtureInput('XJ-001', { placeId: site.id }));
    const plan = createPlan(
      api,
      weeklyPlan(
        '分校巡检',
        { kind: 'list', assetIds: [asset.id, asset.id] },
        {
          timeZone: undefined,
          placeId: site.id,
        },
      ),
    );
    expect(plan.timeZone).toBe('Asia/Urumqi');
    expect(plan.target).toEqual({ kind: 'list', assetIds: [asset.id] });
    expect(plan.assetCount).toBe(1);
  });

  it('describes an after-completion plan and shows its one next occurrence', () => {
    const asset = createAsset(api, fixtureInput('LED-001', { placeId: campus.room.id }));
    const plan = createPlan(api, {
      name: '水泵保养',
      target: { kind: 'list', assetIds: [asset.id] },
      recurrence: { kind: 'afterCompletion', days: 30 },
      start: '2026-01-10T09:00',
    });
    expect(plan.recurrence).toEqual({ kind: 'afterCompletion', days: 30 });
    expect(plan.description).toBe('每次完成后 30 天');
    expect(call(api, 'plans.get', { id: plan.id, language: 'en' }).description).toBe(
      '30 days after the last completion',
    );
    expect(plan.upcoming).toHaveLength(1);
    expect(plan.upcoming[0]).toMatch(/T09:00$/);
  });
});

describe('save-time checks', () => {
  const target = { kind: 'filter' as const, filter: { kinds: ['fixture' as const] } };

  it('refuses a bad rule, zone or start on the field at fault', () => {
    const badRule = callError(api, 'plans.create', {
      ...weeklyPlan('坏规则', target),
      recurrence: { kind: 'rrule', rule: 'FREQ=WEEKLY;BYDAY=XX' },
    });
    expect(badRule.code).toBe('VALIDATION');
    expect(issuePaths(badRule)).toEqual(['recurrence.rule']);
    const badZone = callError(
      api,
      'plans.create',
      weeklyPlan('坏时区', target, { timeZone: 'Asia/Beijing' }),
    );
    expect(issuePaths(badZone)).toEqual(['timeZone']);
    const badStart = callError(
      api,
      'plans.create',
      weeklyPlan('坏开始', target, { start: '2026-02-29T08:00' }),
    );
    expect(issuePaths(badStart)).toEqual(['start']);
    expect(call(api, 'plans.list', {}).items).toEqual([]);
  });

  it('refuses a missing crew, place or listed asset, and a taken name', () => {
    expect(
      callError(api, 'plans.create', weeklyPlan('无班组', target, { crewId: 'nope' })),
    ).toMatchObject({
      code: 'NOT_FOUND',
      details: { id: 'nope', path: 'crewId' },
    });
    expect(
      callError(api, 'plans.create', weeklyPlan('无地点', target, { placeId: 'nowhere' })).code,
    ).toBe('NOT_FOUND');
    const filterPlace = callError(
      api,
      'plans.create',
      weeklyPlan('筛选无地点', { kind: 'filter', filter: { placeId: 'nowhere' } }),
    );
    expect(filterPlace).toMatchObject({
      code: 'NOT_FOUND',
      details: { path: 'target.filter.placeId' },
    });
    const asset = createAsset(api, fixtureInput('LED-001', { placeId: campus.room.id }));
    const missing = callError(
      api,
      'plans.create',
      weeklyPlan('缺资产', { kind: 'list', assetIds: [asset.id, 'ghost-1', 'ghost-2'] }),
    );
    expect(missing).toMatchObject({ code: 'NOT_FOUND', details: { ids: ['ghost-1', 'ghost-2'] } });
    createPlan(api, weeklyPlan('重名', target));
    expect(callError(api, 'plans.create', weeklyPlan('重名', target)).code).toBe('CONFLICT');
  });
});

describe('update and delete', () => {
  it('rechecks the whole plan, and audits every write as entity "plan"', () => {
    const crewId = insertCrew(api);
    const plan = createPlan(
      api,
      weeklyPlan('灯具巡检', { kind: 'filter', filter: { kinds: ['fixture'] } }),
    );
    const updated = call(api, 'plans.update', {
      id: plan.id,
      patch: {
        name: '灯具双周巡检',
        recurrence: { kind: 'rrule', rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO' },
        crewId,
        leadDays: 3,
      },
    });
    expect(updated).toMatchObject({
      name: '灯具双周巡检',
      crewName: '电工班',
      leadDays: 3,
      timeZone: 'Asia/Shanghai',
      recurrence: { kind: 'rrule', rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO' },
    });
    const refused = callError(api, 'plans.update', {
      id: plan.id,
      patch: { recurrence: { kind: 'rrule', rule: 'FREQ=WEEKLY;BYMONTHDAY=40' } },
    });
    expect(issuePaths(refused)).toEqual(['recurrence.rule']);
    expect(call(api, 'plans.get', { id: plan.id }).name).toBe('灯具双周巡检');

    expect(call(api, 'plans.delete', { id: plan.id })).toEqual({ deleted: true });
    expect(callError(api, 'plans.get', { id: plan.id }).code).toBe('NOT_FOUND');
    expect(callError(api, 'plans.delete', { id: plan.id }).code).toBe('NOT_FOUND');
    const audit = auditRowsFor(api, plan.id);
    expect(audit.map((r) => [r.entity, r.action, r.actor])).toEqual([
      ['plan', 'create', '测试员'],
      ['plan', 'update', '测试员'],
      ['plan', 'delete', '测试员'],
    ]);
    expect(JSON.parse(audit[1]?.before_json ?? '{}')).toMatchObject({
      name: '灯具巡检',
      leadDays: 7,
    });
    expect(JSON.parse(audit[1]?.after_json ?? '{}')).toMatchObject({
      name: '灯具双周巡检',
      leadDays: 3,
    });
  });

  it('keeps the stored zone unless the patch names one', () => {
    const plan = createPlan(
      api,
      weeklyPlan('时区', { kind: 'filter', filter: {} }, { timeZone: 'Asia/Urumqi' }),
    );
    expect(call(api, 'plans.update', { id: plan.id, patch: { name: '时区2' } }).timeZone).toBe(
      'Asia/Urumqi',
    );
    const moved = call(api, 'plans.update', { id: plan.id, patch: { timeZone: 'Asia/Shanghai' } });
    expect(moved.timeZone).toBe('Asia/Shanghai');
  });

  // zod 4 fills the defaults of a partial object's absent fields (orderType, leadDays, active…);
  // the patch is built with patchOf, which removes them, so a patch naming the name keeps the rest.
  it('a patch changes only the fields it names', () => {
    const plan = createPlan(
      api,
      weeklyPlan(
        '保留字段',
        { kind: 'filter', filter: {} },
        { orderType: 'preventive', leadDays: 14 },
      ),
    );
    const updated = call(api, 'plans.update', { id: plan.id, patch: { name: '保留字段2' } });
    expect(updated).toMatchObject({ orderType: 'preventive', leadDays: 14 });
  });

  it('the handler itself merges only the fields a patch names', () => {
    const crewId = insertCrew(api);
    const plan = createPlan(
      api,
      weeklyPlan('保留字段', { kind: 'filter', filter: {} }, { orderType: 'preventive', crewId }),
    );
    // Straight to the handler, as a patch without the contract's defaults would arrive.
    const updated = plansHandlers['plans.update'](
      { id: plan.id, patch: { active: false } },
      ctxOf(api),
    );
    expect(updated).toEqual({ ...plan, active: false, upcoming: updated.upcoming });
  });
});
