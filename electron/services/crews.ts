// Handlers of crews (班组) and their technicians: list with the count of each crew's active
// orders, create, edit, delete (refused while orders or plans name the crew), and technicians.
import type { Crew, Technician } from '../../shared/contract/crews';
import { DeskError } from '../../shared/contract/errors';
import type { Handlers } from '../api';
import type { Ctx } from '../context';
import { prepared } from '../store/statementCache';
import { inTransaction, newId, nowIso, writeAudit } from '../store/tx';
import { ACTIVE_SQL } from './workOrdersStore';

type Method =
  | 'crews.list'
  | 'crews.create'
  | 'crews.update'
  | 'crews.delete'
  | 'crews.addTechnician'
  | 'crews.updateTechnician';

interface CrewRow {
  id: string;
  name: string;
  trade: Crew['trade'];
  phone: string;
  active: number;
  notes: string;
}

interface TechnicianRow {
  id: string;
  crew_id: string;
  name: string;
  trade: Technician['trade'];
  phone: string;
  active: number;
}

const CREW_COLUMNS = 'id, name, trade, phone, active, notes';
const TECH_COLUMNS = 'id, crew_id, name, trade, phone, active';

function toTechnician(r: TechnicianRow): Technician {
  return {
    id: r.id,
    crewId: r.crew_id,
    name: r.name,
    trade: r.trade,
    phone: r.phone,
    active: r.active === 1,
  };
}

/** Crews with technicians and open-order counts: three statements, however many crews. */
function readCrews(ctx: Ctx, where: string, ...params: unknown[]): Crew[] {
  const crews = prepared(
    ctx.db,
    `SELECT ${CREW_COLUMNS} FROM crews ${where} ORDER BY active DESC, name, id`,
  ).all(...params) as CrewRow[];
  if (crews.length === 0) return [];
  const ids = JSON.stringify(crews.map((c) => c.id));
  const technicians = prepared(
    ctx.db,
    `SELECT ${TECH_COLUMNS} FROM technicians WHERE crew_id IN (SELECT value FROM json_each(?))
     ORDER BY active DESC, name, id`,
  ).all(ids) as TechnicianRow[];
  const counts = prepared(
    ctx.db,
    `SELECT crew_id, count(*) AS n FROM work_orders
     WHERE crew_id IN (SELECT value FROM json_each(?)) AND status IN (${ACTIVE_SQL})
     GROUP BY crew_id`,
  ).all(ids) as { crew_id: string; n: number }[];
  const open = new Map(counts.map((c) => [c.crew_id, c.n]));
  return crews.map((c) => ({
    id: c.id,
    name: c.name,
    trade: c.trade,
    phone: c.phone,
    active: c.active === 1,
    notes: c.notes,
    technicians: technicians.filter((t) => t.crew_id === c.id).map(toTechnician),
    openOrders: open.get(c.id) ?? 0,
  }));
}

function requireCrew(ctx: Ctx, id: string): Crew {
  const [crew] = readCrews(ctx, 'WHERE id = ?', id);
  if (!crew) throw new DeskError('NOT_FOUND', `No crew with id ${id}`, { id });
  return crew;
}

function requireTechnician(ctx: Ctx, id: string): Technician {
  const row = prepared(ctx.db, `SELECT ${TECH_COLUMNS} FROM technicians WHERE id = ?`).get(id) as
    TechnicianRow | undefined;
  if (!row) throw new DeskError('NOT_FOUND', `No technician with id ${id}`, { id });
  return toTechnician(row);
}

/** Crew names are unique: say which one is taken rather than let the index answer. */
function assertNameFree(ctx: Ctx, name: string, exceptId: string | null): void {
  const owner = prepared(ctx.db, 'SELECT id FROM crews WHERE name = ?').pluck().get(name) as
    string | undefined;
  if (owner !== undefined && owner !== exceptId) {
    throw new DeskError('CONFLICT', `A crew named "${name}" already exists`, {
      issues: [{ path: 'name', message: 'already used by another crew' }],
    });
  }
}

/** The crew as its audit snapshot records it: its own fields, not the derived counts. */
function crewSnapshot(c: Crew) {
  return { name: c.name, trade: c.trade, phone: c.phone, active: c.active, notes: c.notes };
}

function techSnapshot(t: Technician) {
  return { crewId: t.crewId, name: t.name, trade: t.trade, phone: t.phone, active: t.active };
}

const count = (ctx: Ctx, sql: string, ...params: unknown[]) =>
  (prepared(ctx.db, sql).get(...params) as { n: number }).n;

export const crewsHandlers: Handlers<Method> = {
  'crews.list': ({ includeInactive }, ctx) => ({
    items: readCrews(ctx, includeInactive ? '' : 'WHERE active = 1'),
  }),

  'crews.create': (input, ctx) =>
    inTransaction(ctx.db, () => {
      assertNameFree(ctx, input.name, null);
      const id = newId();
      const now = nowIso();
      prepared(
        ctx.db,
        `INSERT INTO crews (id, name, trade, phone, active, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, input.name, input.trade, input.phone, input.active ? 1 : 0, input.notes, now, now);
      const crew = requireCrew(ctx, id);
      writeAudit(ctx.db, {
        actor: ctx.actor,
        entity: 'crew',
        entityId: id,
        action: 'create',
        after: crewSnapshot(crew),
      });
      return crew;
    }),

  'crews.update': ({ id, patch }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requireCrew(ctx, id);
      const next = { ...crewSnapshot(before) };
      if (patch.name !== undefined) next.name = patch.name;
      if (patch.trade !== undefined) next.trade = patch.trade;
      if (patch.phone !== undefined) next.phone = patch.phone;
      if (patch.active !== undefined) next.active = patch.active;
      if (patch.notes !== undefined) next.notes = patch.notes;
      if (next.name !== before.name) assertNameFree(ctx, next.name, id);
      prepared(
        ctx.db,
        `UPDATE crews SET name = ?, trade = ?, phone = ?, active = ?, notes = ?, updated_at = ?
         WHERE id = ?`,
      ).run(next.name, next.trade, next.phone, next.active ? 1 : 0, next.notes, nowIso(), id);
      const after = requireCrew(ctx, id);
      writeAudit(ctx.db, {
        actor: ctx.actor,
        entity: 'crew',
        entityId: id,
        action: 'update',
        before: crewSnapshot(before),
        after: crewSnapshot(after),
      });
      return after;
    }),

  'crews.delete': ({ id }, ctx) =>
    inTransaction(ctx.db, () => {
      const crew = requireCrew(ctx, id);
      // Orders keep their crew for the record (also through a technician who has since moved).
      const orders = count(
        ctx,
        `SELECT count(*) AS n FROM work_orders WHERE crew_id = ?
           OR technician_id IN (SELECT id FROM technicians WHERE crew_id = ?)`,
        id,
        id,
      );
      const plans = count(ctx, 'SELECT count(*) AS n FROM pm_plans WHERE crew_id = ?', id);
      if (orders > 0 || plans > 0) {
        throw new DeskError(
          'CONFLICT',
          `班组「${crew.name}」仍有 ${orders} 张工单、${plans} 个计划引用，请改为停用；` +
            `crew "${crew.name}" is named by ${orders} work order(s) and ${plans} plan(s): deactivate it instead`,
          { reason: 'IN_USE', orders, plans },
        );
      }
      for (const tech of crew.technicians) {
        prepared(ctx.db, 'DELETE FROM technicians WHERE id = ?').run(tech.id);
        writeAudit(ctx.db, {
          actor: ctx.actor,
          entity: 'technician',
          entityId: tech.id,
          action: 'delete',
          before: techSnapshot(tech),
        });
      }
      prepared(ctx.db, 'DELETE FROM crews WHERE id = ?').run(id);
      writeAudit(ctx.db, {
        actor: ctx.actor,
        entity: 'crew',
        entityId: id,
        action: 'delete',
        before: crewSnapshot(crew),
      });
      return { deleted: true as const };
    }),

  'crews.addTechnician': (input, ctx) =>
    inTransaction(ctx.db, () => {
      requireCrew(ctx, input.crewId);
      const id = newId();
      const now = nowIso();
      prepared(
        ctx.db,
        `INSERT INTO technicians (id, crew_id, name, trade, phone, active, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, input.crewId, input.name, input.trade, input.phone, input.active ? 1 : 0, now, now);
      const tech = requireTechnician(ctx, id);
      writeAudit(ctx.db, {
        actor: ctx.actor,
        entity: 'technician',
        entityId: id,
        action: 'create',
        after: techSnapshot(tech),
      });
      return tech;
    }),

  'crews.updateTechnician': ({ id, patch }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requireTechnician(ctx, id);
      const next = { ...techSnapshot(before) };
      if (patch.crewId !== undefined) next.crewId = requireCrew(ctx, patch.crewId).id;
      if (patch.name !== undefined) next.name = patch.name;
      if (patch.trade !== undefined) next.trade = patch.trade;
      if (patch.phone !== undefined) next.phone = patch.phone;
      if (patch.active !== undefined) next.active = patch.active;
      prepared(
        ctx.db,
        `UPDATE technicians SET crew_id = ?, name = ?, trade = ?, phone = ?, active = ?,
           updated_at = ? WHERE id = ?`,
      ).run(next.crewId, next.name, next.trade, next.phone, next.active ? 1 : 0, nowIso(), id);
      const after = requireTechnician(ctx, id);
      writeAudit(ctx.db, {
        actor: ctx.actor,
        entity: 'technician',
        entityId: id,
        action: 'update',
        before: techSnapshot(before),
        after: techSnapshot(after),
      });
      return after;
    }),
};
