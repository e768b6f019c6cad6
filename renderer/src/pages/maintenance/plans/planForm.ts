// The plan editor's form values and their conversion to and from the contract: the form holds a
// dayjs start and checklist lines as {text}; the contract wants local "YYYY-MM-DDTHH:mm" text and
// ChecklistItem objects.
import dayjs, { type Dayjs } from 'dayjs';
import type { InputOf } from '../../../../../shared/contract';
import type { Plan, PlanRecurrence, PlanTarget } from '../../../../../shared/contract/plans';
import type { Category, Priority } from '../../../../../shared/contract/workOrders';

export interface PlanFormValues {
  name: string;
  active: boolean;
  orderType: Plan['orderType'];
  category: Category;
  priority: Priority;
  target: PlanTarget;
  checklist: { text: string }[];
  crewId: string | null;
  estimatedHours: number | null;
  leadDays: number;
  start: Dayjs | null;
  timeZone: string;
  notes: string;
}

export const LOCAL_FORMAT = 'YYYY-MM-DDTHH:mm';

/** A new plan starts tomorrow at 08:00, when crews begin their day. */
export function newPlanValues(timeZone: string): PlanFormValues {
  return {
    name: '',
    active: true,
    orderType: 'inspection',
    category: 'other',
    priority: 'normal',
    target: { kind: 'filter', filter: {} },
    checklist: [],
    crewId: null,
    estimatedHours: null,
    leadDays: 7,
    start: dayjs().add(1, 'day').hour(8).minute(0).second(0).millisecond(0),
    timeZone,
    notes: '',
  };
}

export function valuesOfPlan(plan: Plan): PlanFormValues {
  return {
    name: plan.name,
    active: plan.active,
    orderType: plan.orderType,
    category: plan.category,
    priority: plan.priority,
    target: plan.target,
    checklist: plan.checklist.map((c) => ({ text: c.text })),
    crewId: plan.crewId,
    estimatedHours: plan.estimatedHours,
    leadDays: plan.leadDays,
    start: dayjs(plan.start),
    timeZone: plan.timeZone,
    notes: plan.notes,
  };
}

/** The start as the contract's local wall-clock text, or null while none is chosen. */
export function localStart(start: Dayjs | null | undefined): string | null {
  return start?.isValid() ? start.format(LOCAL_FORMAT) : null;
}

export function inputOfValues(
  values: PlanFormValues,
  recurrence: PlanRecurrence,
): InputOf<'plans.create'> {
  return {
    name: values.name.trim(),
    active: values.active,
    orderType: values.orderType,
    category: values.category,
    priority: values.priority,
    target: values.target,
    checklist: values.checklist
      .map((c) => c.text.trim())
      .filter(Boolean)
      .map((text) => ({ text, done: false })),
    crewId: values.crewId ?? null,
    estimatedHours: values.estimatedHours ?? null,
    leadDays: values.leadDays,
    recurrence,
    start: localStart(values.start) ?? '',
    timeZone: values.timeZone,
    notes: values.notes ?? '',
  };
}
