// Demo preventive-maintenance plans per campus — fixtures quarterly by building (one plan each,
// a saved filter kind=fixture + placeId=building, staggered over the quarter), sprinkler zones
// weekly in the irrigation season, a monthly meter-reading round, a monthly pipe patrol on the
// first Monday and a night street-light patrol on the last Friday — and the occurrences each plan
// reached from the first history year up to today plus its lead days, as the app's generation
// would have made them: one order per occurrence, a few occurrences missed.
//
// Generation gives an order every asset of its target. The demo does too for the last twelve
// months, but an older building inspection keeps only its building: its few hundred fixtures each
// would make five sixths of all the rows the history writes (200,000 per campus), slowing the demo,
// every export and restore of it, and every test built on it, for a list no report reads back.
import { occurrences } from '../../shared/domain/recurrence';
import { newId, type Db } from '../store/tx';
import { addDays, DAY, dayStart, hours, HOUR, iso } from './maintenanceClock';
import type { Crew } from './maintenanceCrews';
import type { DraftOrder } from './maintenanceDraft';
import type { SiteCtx } from './maintenanceLighting';
import { checklists } from './maintenanceText';
import type { Rng } from './random';

const TIME_ZONE = 'Asia/Shanghai';

interface PlanDef {
  name: string;
  category: string;
  target: unknown;
  placeId: string;
  checklist: readonly string[];
  crew: Crew;
  estimatedHours: number;
  leadDays: number;
  rule: string;
  time: string;
  notes: string;
  assetIds: readonly string[];
  /** A building's fixtures: listed on the last twelve months' orders only (see the header). */
  listRecentOnly?: boolean;
  findings: readonly string[];
}

export interface OccurrenceDraft {
  planId: string;
  occurrence: string;
  dueDate: string;
  state: 'ordered' | 'missed';
  order: DraftOrder | null;
  createdAt: number;
}

function planDefs(c: SiteCtx, prefix: string): PlanDef[] {
  const { site, staff } = c;
  const defs: PlanDef[] = site.buildings.map((b, i) => {
    const first = 1 + (i % 3);
    const months = [first, first + 3, first + 6, first + 9];
    const day = 5 + ((i * 3) % 20);
    return {
      name: `${prefix}${b.name}灯具季度巡检`,
      category: 'lighting',
      target: { kind: 'filter', filter: { kinds: ['fixture'], placeId: b.id } },
      placeId: b.id,
      checklist: checklists.fixtures,
      crew: i % 2 === 0 ? staff.crews.electric1 : staff.crews.electric2,
      estimatedHours: Math.max(2, Math.round(b.fixtureIds.length / 80)),
      leadDays: 14,
      rule: `FREQ=YEARLY;BYMONTH=${months.join(',')};BYMONTHDAY=${day}`,
      time: '08:00',
      notes: '按楼层逐间巡检，故障灯具另开维修工单',
      assetIds: b.fixtureIds,
      listRecentOnly: true,
      findings: [
        '未发现异常',
        '发现2盏灯具闪烁，已另行报修',
        '发现走廊应急灯电池老化，已报修',
        '开关面板松动，已紧固',
      ],
    };
  });
  const season = [4, 5, 6, 7, 8, 9, 10];
  defs.push(
    {
      name: `${prefix}喷灌系统周巡检`,
      category: 'irrigation',
      target: { kind: 'filter', filter: { kinds: ['irrigation_zone'], placeId: site.id } },
      placeId: site.id,
      checklist: checklists.irrigation,
      crew: staff.crews.green,
      estimatedHours: 4,
      leadDays: 3,
      rule: `FREQ=WEEKLY;BYDAY=MO;BYMONTH=${season.join(',')}`,
      time: '07:00',
      notes: '灌溉季（4–10月）每周一巡检',
      assetIds: site.zones.map((z) => z.id),
      findings: [
        '各区运行正常',
        '3区两个喷头堵塞，已清理',
        '12区喷头倾斜，已扶正',
        '控制器时间已按季节调整',
      ],
    },
    {
      name: `${prefix}水电表月度抄表`,
      category: 'other',
      target: { kind: 'filter', filter: { kinds: ['meter'], placeId: site.id } },
      placeId: site.id,
      checklist: checklists.meters,
      crew: staff.crews.plumbing,
      estimatedHours: 6,
      leadDays: 5,
      rule: 'FREQ=MONTHLY;BYMONTHDAY=25',
      time: '08:30',
      notes: '每月25日抄表，月底前录入读数',
      assetIds: site.meterIds,
      findings: [
        '抄表完成，读数已录入',
        '一块宿舍水表停走，已报修更换',
        '某楼电表读数异常偏高，已上报',
      ],
    },
    {
      name: `${prefix}供水管网月度巡查`,
      category: 'water_leak',
      target: {
        kind: 'list',
        assetIds: [...(site.equipment.pipe_segment ?? []), ...(site.equipment.pump ?? [])].map(
          (a) => a.id,
        ),
      },
      placeId: site.id,
      checklist: checklists.pipes,
      crew: staff.crews.plumbing,
      estimatedHours: 4,
      leadDays: 7,
      rule: 'FREQ=MONTHLY;BYDAY=1MO',
      time: '08:00',
      notes: '每月第一个周一巡查供水主管线，防止跑冒滴漏',
      assetIds: [...(site.equipment.pipe_segment ?? []), ...(site.equipment.pump ?? [])].map(
        (a) => a.id,
      ),
      findings: ['未发现跑冒滴漏', '东门阀门井积水，阀门填料渗漏，已报修', '加压泵运行正常'],
    },
    {
      name: `${prefix}路灯夜间巡查`,
      category: 'lighting',
      target: {
        kind: 'filter',
        filter: { kinds: ['fixture'], lampTypes: ['street_light'], placeId: site.id },
      },
      placeId: site.id,
      checklist: checklists.streetLights,
      crew: staff.crews.electric2,
      estimatedHours: 3,
      leadDays: 7,
      rule: 'FREQ=MONTHLY;BYDAY=-1FR',
      time: '19:30',
      notes: '每月最后一个周五夜间巡查',
      assetIds: site.streetLights.map((f) => f.id),
      findings: ['路灯全部正常点亮', '环校路3盏路灯不亮，已报修', '时控器时间偏差，已校正'],
    },
  );
  return defs;
}

function planOrder(
  rng: Rng,
  c: SiteCtx,
  def: PlanDef,
  planId: string,
  occurrence: string,
  createdAt: number,
): DraftOrder {
  const { staff } = c;
  const day = occurrence.slice(0, 10);
  const findings = rng.chance(0.75) ? (def.findings[0] ?? '') : rng.pick(def.findings);
  const technician = rng.pick(def.crew.technicians);
  const dispatcher = rng.pick(staff.dispatchers);
  const verifier = rng.pick(staff.verifiers);
  // Most rounds are done on the day or a day or two early; some run late, a few stall for weeks.
  const late = rng.chance(0.08) ? rng.int(1, 10) * DAY : 0;
  const startAt = dayStart(day) + 8 * HOUR - rng.int(0, 2) * DAY + late + hours(rng, 0, 2);
  return {
    type: 'inspection',
    category: def.category,
    // Title and description as the app's generation writes them (planGenerate.ts).
    title: `${def.name} ${day}`,
    description: def.notes,
    placeId: def.placeId,
    assetIds: !def.listRecentOnly || createdAt >= c.window.endMs - 365 * DAY ? def.assetIds : [],
    crewId: def.crew.id,
    technicianId: technician.id,
    priority: 'normal',
    dueDate: day,
    checklist: def.checklist,
    estimatedHours: def.estimatedHours,
    labourHours: Math.round(def.estimatedHours * (0.8 + rng.next() * 0.4) * 10) / 10,
    result: '巡检完成',
    findings,
    newLampType: null,
    newPowerW: null,
    requester: '',
    requesterPhone: '',
    reportedAt: createdAt,
    createdAt,
    createdBy: dispatcher,
    verifiedBy: verifier,
    planId,
    occurrence,
    people: { dispatcher, technician: technician.name, crewName: def.crew.name, verifier },
    timing: {
      response: [0, 0],
      work: [def.estimatedHours * 0.6, def.estimatedHours * 1.2],
      startAt,
      assignedAtCreation: true,
      oneVisit: true,
      hold: rng.chance(0.01) ? 'stuck' : 'none',
    },
    steps: [],
    // A stopped meter found on the reading round is replaced on the spot.
    parts: findings.includes('水表停走') ? [{ key: 'waterMeter', quantity: 1 }] : [],
    requests: [],
  };
}

export function generatePlans(
  db: Db,
  c: SiteCtx,
  prefix: string,
): { plans: number; occurrences: OccurrenceDraft[] } {
  const { rng, window: w } = c;
  const insert = db.prepare(
    `INSERT INTO pm_plans (id, name, active, order_type, category, priority, target_json, place_id,
       checklist_json, crew_id, estimated_hours, lead_days, recurrence, rule, interval_days,
       start_local, time_zone, notes, created_at, updated_at)
     VALUES (?, ?, 1, 'inspection', ?, 'normal', ?, ?, ?, ?, ?, ?, 'rrule', ?, NULL, ?, ?, ?, ?, ?)`,
  );
  const created = iso(w.startMs);
  const startDay = `${w.firstYear}-01-01`;
  const reached: OccurrenceDraft[] = [];
  const defs = planDefs(c, prefix);
  for (const def of defs) {
    const planId = newId();
    const checklist = JSON.stringify(def.checklist.map((text) => ({ text, done: false })));
    insert.run(
      planId,
      def.name,
      def.category,
      JSON.stringify(def.target),
      def.placeId,
      checklist,
      def.crew.id,
      def.estimatedHours,
      def.leadDays,
      def.rule,
      `${startDay}T${def.time}`,
      TIME_ZONE,
      def.notes,
      created,
      created,
    );
    // Every occurrence whose lead window has opened by today, expanded by the app's own recurrence
    // code: they are the ones its generation would have reached, so running it after the demo
    // finds nothing left to do.
    const due = occurrences(def.rule, `${startDay}T${def.time}`, TIME_ZONE, {
      limit: 10_000,
      to: `${addDays(w.today, def.leadDays)}T23:59`,
    });
    let missed: OccurrenceDraft[] = [];
    for (const [i, occurrence] of due.entries()) {
      const day = occurrence.slice(0, 10);
      if (i < due.length - 1 && day < w.today && rng.chance(0.03)) {
        missed.push({
          planId,
          occurrence,
          dueDate: day,
          state: 'missed',
          order: null,
          createdAt: 0,
        });
        continue;
      }
      const opens = dayStart(addDays(day, -def.leadDays)) + 7 * HOUR + rng.int(0, 60) * 60_000;
      const createdAt = Math.min(w.endMs, Math.max(opens, w.startMs + HOUR));
      const order = planOrder(rng, c, def, planId, occurrence, createdAt);
      // Missed occurrences are recorded when generation next runs and orders the later one.
      for (const m of missed) m.createdAt = createdAt;
      reached.push(...missed, {
        planId,
        occurrence,
        dueDate: day,
        state: 'ordered',
        order,
        createdAt,
      });
      missed = [];
    }
  }
  return { plans: defs.length, occurrences: reached };
}
