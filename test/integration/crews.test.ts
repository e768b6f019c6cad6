// Crews (班组) and technicians through the real dispatch table: list with technicians and active
// order counts, create and edit with audit, unique names, delete refused while orders or plans
// name the crew (deactivate instead), and technicians added, edited and moved between crews.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { newId } from '../../electron/store/tx';
import { call, callError, issuePaths } from '../support/api';
import { auditRowsFor, countWhere } from '../support/assets';
import { dumpDb } from '../support/dump';
import { addTechnician, createCrew, createOrder, insertPlan, walkTo } from '../support/maintenance';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;

beforeEach(() => {
  t = openTempApi();
  api = t.api;
});

afterEach(() => t.cleanup());

describe('crews', () => {
  it('lists crews active first by name, with technicians and open orders', () => {
    const water = createCrew(api, '水工班', { trade: 'plumber' });
    const electric = createCrew(api, '电工班');
    const old = createCrew(api, '绿化班', { trade: 'gardener', active: false });
    const wang = addTechnician(api, electric, '王师傅');
    addTechnician(api, electric, '李师傅');
    call(api, 'crews.updateTechnician', { id: wang.id, patch: { active: false } });
    createOrder(api, { crewId: electric.id });
    walkTo(api, createOrder(api, { crewId: electric.id }), 'in_progress');
    walkTo(api, createOrder(api, { crewId: electric.id }), 'completed');
    const { items } = call(api, 'crews.list', {});
    // Names in code-point order (水 U+6C34 before 电 U+7535), the inactive crew last.
    expect(items.map((c) => c.name)).toEqual(['水工班', '电工班', '绿化班']);
    const listed = items.find((c) => c.id === electric.id);
    expect(listed?.openOrders).toBe(2);
    expect(listed?.technicians.map((x) => [x.name, x.active])).toEqual([
      ['李师傅', true],
      ['王师傅', false],
    ]);
    expect(items.find((c) => c.id === water.id)?.openOrders).toBe(0);
    const active = call(api, 'crews.list', { includeInactive: false }).items.map((c) => c.id);
    expect(active).not.toContain(old.id);
    expect(active).toHaveLength(2);
  });

  it('creates and edits a crew with its audit trail, names unique', () => {
    const crew = createCrew(api, '电工班');
    expect(crew).toMatchObject({
      trade: 'electrician',
      active: true,
      technicians: [],
      openOrders: 0,
    });
    expect(callError(api, 'crews.create', { name: '电工班', trade: 'general' }).code).toBe(
      'CONFLICT',
    );
    const edited = call(api, 'crews.update', {
      id: crew.id,
      patch: { name: '强电班', active: false, notes: '夜间值班' },
    });
    expect(edited).toMatchObject({ name: '强电班', active: false, notes: '夜间值班' });
    const other = createCrew(api, '弱电班');
    expect(callError(api, 'crews.update', { id: other.id, patch: { name: '强电班' } }).code).toBe(
      'CONFLICT',
    );
    const audit = auditRowsFor(api, crew.id);
    expect(audit.map((r) => [r.entity, r.action])).toEqual([
      ['crew', 'create'],
      ['crew', 'update'],
    ]);
    expect(JSON.parse(audit[1]?.before_json ?? '{}')).toMatchObject({
      name: '电工班',
      active: true,
    });
    expect(JSON.parse(audit[1]?.after_json ?? '{}')).toMatchObject({
      name: '强电班',
      active: false,
    });
    expect(callError(api, 'crews.update', { id: newId(), patch: { notes: 'x' } }).code).toBe(
      'NOT_FOUND',
    );
  });

  it('deletes an unused crew with its technicians, and refuses one orders or plans name', () => {
    const unused = createCrew(api, '临时班');
    const tech = addTechnician(api, unused, '赵师傅');
    expect(call(api, 'crews.delete', { id: unused.id })).toEqual({ deleted: true });
    expect(countWhere(api, 'SELECT count(*) AS n FROM technicians WHERE id = ?', tech.id)).toBe(0);
    expect(auditRowsFor(api, tech.id).map((r) => r.action)).toEqual(['create', 'delete']);
    expect(auditRowsFor(api, unused.id).map((r) => r.action)).toEqual(['create', 'delete']);

    const busy = createCrew(api, '电工班');
    walkTo(api, createOrder(api, { crewId: busy.id }), 'closed');
    const planned = createCrew(api, '巡检班');
    const planId = insertPlan(api, '月度巡检');
    api.core.db.prepare('UPDATE pm_plans SET crew_id = ? WHERE id = ?').run(planned.id, planId);
    const before = dumpDb(api.core.db);
    for (const crew of [busy, planned]) {
      const error = callError(api, 'crews.delete', { id: crew.id });
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toContain('deactivate');
      expect(error.message).toContain('停用');
    }
    expect(dumpDb(api.core.db)).toEqual(before);
  });
});

describe('deactivated', () => {
  it('a deactivated crew or technician keeps its orders but takes no new work', () => {
    const crew = createCrew(api, '电工班');
    const tech = addTechnician(api, crew);
    const kept = createOrder(api, { crewId: crew.id, technicianId: tech.id });
    call(api, 'crews.updateTechnician', { id: tech.id, patch: { active: false } });
    call(api, 'workOrders.update', { id: kept.id, patch: { title: '仍可编辑' } });
    const other = createOrder(api, { crewId: crew.id });
    const patch = { technicianId: tech.id };
    expect(issuePaths(callError(api, 'workOrders.update', { id: other.id, patch }))).toEqual([
      'technicianId',
    ]);
    call(api, 'crews.update', { id: crew.id, patch: { active: false } });
    const order = createOrder(api);
    const assign = { id: order.id, to: 'assigned', crewId: crew.id };
    expect(issuePaths(callError(api, 'workOrders.transition', assign))).toEqual(['crewId']);
    const create = { type: 'corrective', title: '新工单', crewId: crew.id };
    expect(issuePaths(callError(api, 'workOrders.create', create))).toEqual(['crewId']);
    // Its orders go on with it.
    expect(walkTo(api, kept, 'completed').status).toBe('completed');
  });
});

describe('technicians', () => {
  it('adds, edits and moves a technician between crews, audited', () => {
    const a = createCrew(api, '电工班');
    const b = createCrew(api, '综合班', { trade: 'general' });
    const tech = call(api, 'crews.addTechnician', {
      crewId: a.id,
      name: '王师傅',
      trade: 'electrician',
      phone: '138 0000 0000',
    });
    expect(tech).toMatchObject({ crewId: a.id, phone: '138 0000 0000', active: true });
    const moved = call(api, 'crews.updateTechnician', {
      id: tech.id,
      patch: { crewId: b.id, name: '王建国' },
    });
    expect(moved).toMatchObject({ crewId: b.id, name: '王建国' });
    const crews = call(api, 'crews.list', {}).items;
    expect(crews.find((c) => c.id === b.id)?.technicians.map((x) => x.id)).toEqual([tech.id]);
    expect(crews.find((c) => c.id === a.id)?.technicians).toEqual([]);
    const audit = auditRowsFor(api, tech.id);
    expect(audit.map((r) => [r.entity, r.action])).toEqual([
      ['technician', 'create'],
      ['technician', 'update'],
    ]);
    expect(JSON.parse(audit[1]?.after_json ?? '{}')).toMatchObject({
      crewId: b.id,
      name: '王建国',
    });
    expect(
      callError(api, 'crews.addTechnician', { crewId: newId(), name: 'x', trade: 'general' }).code,
    ).toBe('NOT_FOUND');
    expect(
      callError(api, 'crews.updateTechnician', { id: tech.id, patch: { crewId: newId() } }).code,
    ).toBe('NOT_FOUND');
  });
});
