// Methods and shapes of the place tree: site → building → floor → room, plus outdoor areas.
import { z } from 'zod';
import { Id, Name, Notes, PositiveArea, ShortCode, TimeZone } from './common';

export const placeKinds = ['site', 'building', 'floor', 'room', 'area'] as const;
export const PlaceKind = z.enum(placeKinds);
export type PlaceKind = z.infer<typeof PlaceKind>;

export const buildingUses = [
  'teaching',
  'lab',
  'dormitory',
  'canteen',
  'library',
  'gym',
  'office',
  'other',
] as const;
export const BuildingUse = z.enum(buildingUses);
export type BuildingUse = z.infer<typeof BuildingUse>;

/** Which kinds may sit directly under which: null is the root of the tree. */
export const allowedParents: Record<PlaceKind, readonly (PlaceKind | null)[]> = {
  site: [null],
  building: ['site'],
  floor: ['building'],
  room: ['floor'],
  area: ['site', 'building', 'floor'],
};

export const Place = z.object({
  id: Id,
  kind: PlaceKind,
  parentId: Id.nullable(),
  name: z.string(),
  code: z.string().nullable(),
  /** Gross floor area for buildings, green or paved area for outdoor areas, in m². */
  areaM2: z.number().nullable(),
  floorNumber: z.number().int().nullable(),
  use: BuildingUse.nullable(),
  /** IANA zone; set on sites, inherited by everything below. */
  timeZone: z.string().nullable(),
  notes: z.string(),
  childCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Place = z.infer<typeof Place>;

export const PlaceRef = z.object({ id: Id, kind: PlaceKind, name: z.string() });
export type PlaceRef = z.infer<typeof PlaceRef>;

const Code = ShortCode;

const PlaceFields = z.object({
  name: Name,
  code: Code.nullable().optional(),
  areaM2: PositiveArea.nullable().optional(),
  floorNumber: z.number().int().min(-10).max(200).nullable().optional(),
  use: BuildingUse.nullable().optional(),
  timeZone: TimeZone.nullable().optional(),
  notes: Notes.optional(),
});

export const placesMethods = {
  'places.list': {
    input: z.object({ parentId: Id.nullable() }),
    result: z.object({ items: z.array(Place) }),
  },
  'places.get': {
    input: z.object({ id: Id }),
    result: z.object({ place: Place, path: z.array(PlaceRef) }),
  },
  'places.create': {
    input: PlaceFields.extend({ kind: PlaceKind, parentId: Id.nullable() }),
    result: Place,
  },
  'places.update': {
    input: z.object({ id: Id, patch: PlaceFields.partial() }),
    result: Place,
  },
  'places.move': {
    input: z.object({ id: Id, parentId: Id.nullable() }),
    result: Place,
  },
  'places.delete': {
    input: z.object({ id: Id, cascade: z.boolean().default(false) }),
    result: z.object({ deleted: z.number().int() }),
  },
  'places.search': {
    input: z.object({
      q: z.string().max(200),
      kinds: z.array(PlaceKind).optional(),
      limit: z.number().int().positive().max(200).default(20),
    }),
    result: z.object({
      items: z.array(Place.extend({ path: z.array(PlaceRef) })),
    }),
  },
} as const;
