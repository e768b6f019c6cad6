// Crews (班组) and their technicians: who a work order is assigned to.
import { z } from 'zod';
import { Id, Name, Notes, patchOf } from './common';

export const trades = ['electrician', 'plumber', 'gardener', 'general'] as const;
export const Trade = z.enum(trades);
export type Trade = z.infer<typeof Trade>;

export const Phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9+\-() ]*$/, 'a phone number has only digits, spaces and + - ( )');

export const Technician = z.object({
  id: Id,
  crewId: Id,
  name: z.string(),
  trade: Trade,
  phone: z.string(),
  active: z.boolean(),
});
export type Technician = z.infer<typeof Technician>;

export const Crew = z.object({
  id: Id,
  name: z.string(),
  trade: Trade,
  phone: z.string(),
  active: z.boolean(),
  notes: z.string(),
  technicians: z.array(Technician),
  /** Orders of this crew not yet completed. */
  openOrders: z.number().int(),
});
export type Crew = z.infer<typeof Crew>;

const CrewInput = z.object({
  name: Name.max(100),
  trade: Trade,
  phone: Phone.default(''),
  active: z.boolean().default(true),
  notes: Notes.default(''),
});

const TechnicianInput = z.object({
  crewId: Id,
  name: Name.max(100),
  trade: Trade,
  phone: Phone.default(''),
  active: z.boolean().default(true),
});

export const crewsMethods = {
  /** Every crew with its technicians, active first, by name. */
  'crews.list': {
    input: z.object({ includeInactive: z.boolean().default(true) }).strict(),
    result: z.object({ items: z.array(Crew) }),
  },
  'crews.create': { input: CrewInput.strict(), result: Crew },
  'crews.update': {
    input: z.object({ id: Id, patch: patchOf(CrewInput).strict() }).strict(),
    result: Crew,
  },
  /** Refused with CONFLICT while work orders or plans name the crew: deactivate it instead. */
  'crews.delete': {
    input: z.object({ id: Id }).strict(),
    result: z.object({ deleted: z.literal(true) }),
  },
  'crews.addTechnician': { input: TechnicianInput.strict(), result: Technician },
  'crews.updateTechnician': {
    input: z.object({ id: Id, patch: patchOf(TechnicianInput).strict() }).strict(),
    result: Technician,
  },
} as const;
