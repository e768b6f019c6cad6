// The organisation's settings: its name and logo (printed on work orders and reports), the
// standard-person weights per-capita figures divide by, and the thresholds of the water balance
// and the night-flow leak alerts. Every value has the default DOMAIN.md gives, so a new database
// reads complete settings; an update changes only the fields it names.
import { z } from 'zod';

const noNul = (s: string) => !s.includes('\u0000');

/** A PNG or JPEG as a data URL, small enough to print on every page. */
const LogoDataUrl = z
  .string()
  .max(400_000)
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/, 'expected a PNG or JPEG data URL');

const Weight = z.number().finite().min(0).max(10);
const Share = z.number().finite().min(0).max(1);

export const StandardPersonWeights = z
  .object({
    students: Weight.default(1),
    staff: Weight.default(1),
    residents: Weight.default(1),
    /** Non-resident groups (visitors, contractors, day students) count half by default. */
    others: Weight.default(0.5),
  })
  .strict();

export const LeakAlertSettings = z
  .object({
    /** Local night window whose minimum flow is taken (HH:mm, start inclusive, end exclusive). */
    windowStart: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
      .default('02:00'),
    windowEnd: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
      .default('04:00'),
    baselineNights: z.number().int().min(7).max(90).default(28),
    /** Alert when the night's minimum exceeds the baseline by this share… */
    ratio: Share.default(0.3),
    /** …and by this flow (m³/h)… */
    absoluteM3h: z.number().finite().min(0).max(1000).default(0.5),
    /** …on this many nights in a row. */
    nights: z.number().int().min(1).max(14).default(3),
  })
  .strict();

export const Settings = z
  .object({
    organisationName: z.string().trim().max(100).refine(noNul).default(''),
    logoDataUrl: LogoDataUrl.nullable().default(null),
    standardPersonWeights: StandardPersonWeights.default(StandardPersonWeights.parse({})),
    /** Loss rate above which a water balance is flagged (12%: grade 2 of CJJ 92-2016). */
    waterLossThreshold: Share.default(0.12),
    leakAlert: LeakAlertSettings.default(LeakAlertSettings.parse({})),
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

export const settingsMethods = {
  'settings.get': { input: z.object({}).strict(), result: Settings },
  /** Changes the named fields (nested objects field by field) and answers the whole settings. */
  'settings.update': {
    input: z
      .object({
        organisationName: Settings.shape.organisationName.removeDefault().optional(),
        logoDataUrl: LogoDataUrl.nullable().optional(),
        standardPersonWeights: StandardPersonWeights.partial().optional(),
        waterLossThreshold: Share.optional(),
        leakAlert: LeakAlertSettings.partial().optional(),
      })
      .strict(),
    result: Settings,
  },
} as const;
