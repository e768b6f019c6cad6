// People behind the per-capita figures and the park's tenants: each site's headcount per year
// (students, staff, residents, others — weighted into standard persons by the settings), and on
// park sites the enterprises with their yearly industrial value added (10,000 CNY), water quota
// (m³ a year) and the meters that measure them. Both import from CSV/XLSX with a dry run first.
import { z } from 'zod';
import { ImportReport, SheetLanguage, TableFormat } from './assetTransfer';
import { Id, Name, Notes, ShortCode } from './common';
import { Utility } from './assets';

export const Year = z.number().int().min(1900).max(2200);
const Count = z.number().int().nonnegative().max(10_000_000);
const Amount = z.number().finite().nonnegative().max(1e12);

export const HeadcountGroups = z.object({
  students: Count,
  staff: Count,
  residents: Count,
  /** Non-resident groups (visitors, contractors, day students): half weight by default. */
  others: Count,
});

export const Headcount = HeadcountGroups.extend({
  siteId: Id,
  siteName: z.string(),
  year: z.number().int(),
  /** Σ group × weight with the current settings.standardPersonWeights. */
  standardPersons: z.number(),
});
export type Headcount = z.infer<typeof Headcount>;

export const EnterpriseYear = z.object({
  year: z.number().int(),
  /** Industrial value added, 10,000 CNY (万元). */
  valueAdded: z.number().nullable(),
  /** Water quota for the year, m³. */
  waterQuota: z.number().nullable(),
});
export type EnterpriseYear = z.infer<typeof EnterpriseYear>;

export const EnterpriseMeter = z.object({
  meterId: Id,
  code: z.string(),
  name: z.string(),
  utility: Utility.nullable(),
});

export const Enterprise = z.object({
  id: Id,
  siteId: Id,
  siteName: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  placeId: Id.nullable(),
  placeName: z.string().nullable(),
  notes: z.string(),
  meters: z.array(EnterpriseMeter),
  /** Every year on record, oldest first. */
  years: z.array(EnterpriseYear),
});
export type Enterprise = z.infer<typeof Enterprise>;

const EnterpriseFields = z.object({
  name: Name,
  code: ShortCode.nullable().optional(),
  placeId: Id.nullable().optional(),
  notes: Notes.optional(),
});

export const PeopleImportKind = z.enum(['headcounts', 'enterprises']);
export type PeopleImportKind = z.infer<typeof PeopleImportKind>;

// No max length on the content: the service measures it and names the limit (as assets do).
const PeopleFile = z
  .object({
    /** headcounts: site, year, the four groups; enterprises: site, enterprise, year, value added, quota. */
    kind: PeopleImportKind,
    fileName: z.string().trim().min(1).max(255),
    contentBase64: z.string(),
  })
  .strict();

const Deleted = z.object({ deleted: z.number().int().nonnegative() });

export const peopleMethods = {
  /** Headcounts by site and year (oldest first), optionally of one site and a span of years. */
  'people.headcounts': {
    input: z
      .object({ siteId: Id.optional(), fromYear: Year.optional(), toYear: Year.optional() })
      .strict(),
    result: z.object({ items: z.array(Headcount) }),
  },
  /** Creates or replaces the headcount of a site and year. */
  'people.setHeadcount': {
    input: HeadcountGroups.extend({ siteId: Id, year: Year }).strict(),
    result: Headcount,
  },
  'people.deleteHeadcount': {
    input: z.object({ siteId: Id, year: Year }).strict(),
    result: Deleted,
  },
  'people.enterprises': {
    input: z.object({ siteId: Id.optional() }).strict(),
    result: z.object({ items: z.array(Enterprise) }),
  },
  'people.createEnterprise': {
    input: EnterpriseFields.extend({ siteId: Id }).strict(),
    result: Enterprise,
  },
  'people.updateEnterprise': {
    input: z.object({ id: Id, patch: EnterpriseFields.partial().strict() }).strict(),
    result: Enterprise,
  },
  /** Deletes the enterprise with its years and meter links (the meters stay in the register). */
  'people.deleteEnterprise': { input: z.object({ id: Id }).strict(), result: Deleted },
  /** Sets one year's value added and quota; both null removes the year. */
  'people.setEnterpriseYear': {
    input: z
      .object({
        enterpriseId: Id,
        year: Year,
        valueAdded: Amount.nullable(),
        waterQuota: Amount.nullable(),
      })
      .strict(),
    result: Enterprise,
  },
  /**
   * Replaces the meters that measure the enterprise (water meters count as fresh water,
   * reclaimed-water meters as reused). A meter of another enterprise is refused with CONFLICT.
   */
  'people.setEnterpriseMeters': {
    input: z.object({ enterpriseId: Id, meterIds: z.array(Id).max(500) }).strict(),
    result: Enterprise,
  },
  /** Reads and checks a file as the import would, and writes nothing. */
  'people.importPreview': { input: PeopleFile, result: ImportReport },
  /** 'valid' writes the rows without problems; 'all' writes every row or nothing. */
  'people.importCommit': {
    input: PeopleFile.extend({ mode: z.enum(['valid', 'all']) }).strict(),
    result: z.object({
      created: z.number().int().nonnegative(),
      updated: z.number().int().nonnegative(),
      unchanged: z.number().int().nonnegative(),
      skipped: z.number().int().nonnegative(),
    }),
  },
  /** The headers (in the chosen language) and an example row, as a guide to filling in a file. */
  'people.template': {
    input: z.object({ kind: PeopleImportKind, format: TableFormat, language: SheetLanguage }),
    result: z.object({ fileName: z.string(), contentBase64: z.string() }),
  },
} as const;
