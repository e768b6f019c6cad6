// The organisation form's values and their two-way mapping to the stored settings. Shares are
// shown as percentages (people think "12%", the store keeps 0.12); the diff against what was
// loaded gives both the confirmation's list of changes and an update that names only the changed
// fields, so two people editing different settings do not overwrite each other's values.
import type { InputOf } from '../../../../../shared/contract';
import type { Settings } from '../../../../../shared/contract/settings';

export type Weights = Settings['standardPersonWeights'];
export const weightKeys = ['students', 'staff', 'residents', 'others'] as const;

export interface OrgForm {
  organisationName: string;
  logoDataUrl: string | null;
  weights: Weights;
  lossPercent: number;
  leak: {
    windowStart: string;
    windowEnd: string;
    baselineNights: number;
    ratioPercent: number;
    absoluteM3h: number;
    nights: number;
  };
}

// Rounded to 1/100 of a percent: 0.07 * 100 is 7.000000000000001 in floating point.
const toPercent = (share: number) => Math.round(share * 10_000) / 100;
const toShare = (percent: number) => Math.round(percent * 100) / 10_000;

export function toForm(s: Settings): OrgForm {
  return {
    organisationName: s.organisationName,
    logoDataUrl: s.logoDataUrl,
    weights: { ...s.standardPersonWeights },
    lossPercent: toPercent(s.waterLossThreshold),
    leak: {
      windowStart: s.leakAlert.windowStart,
      windowEnd: s.leakAlert.windowEnd,
      baselineNights: s.leakAlert.baselineNights,
      ratioPercent: toPercent(s.leakAlert.ratio),
      absoluteM3h: s.leakAlert.absoluteM3h,
      nights: s.leakAlert.nights,
    },
  };
}

/** One changed field as the confirmation lists it: an i18n key and the two values as text. */
export interface Change {
  label: string;
  before: string;
  after: string;
}

export interface Diff {
  changes: Change[];
  update: InputOf<'settings.update'>;
}

type Leak = Settings['leakAlert'];

/** What changed between the stored settings and the form; an empty list means nothing to save. */
export function diff(saved: Settings, form: OrgForm, logoText: (set: boolean) => string): Diff {
  const changes: Change[] = [];
  const update: InputOf<'settings.update'> = {};
  const name = form.organisationName.trim();
  if (name !== saved.organisationName) {
    update.organisationName = name;
    changes.push({ label: 'people.org.name', before: saved.organisationName, after: name });
  }
  if (form.logoDataUrl !== saved.logoDataUrl) {
    update.logoDataUrl = form.logoDataUrl;
    // A data URL is unreadable in a dialog: say "set"/"not set", or "replaced" when both are.
    const replaced = form.logoDataUrl !== null && saved.logoDataUrl !== null;
    changes.push({
      label: replaced ? 'people.org.logoReplaced' : 'people.org.logo',
      before: logoText(saved.logoDataUrl !== null),
      after: logoText(form.logoDataUrl !== null),
    });
  }
  const weights: Partial<Weights> = {};
  for (const key of weightKeys) {
    if (form.weights[key] === saved.standardPersonWeights[key]) continue;
    weights[key] = form.weights[key];
    changes.push({
      label: `people.org.weight.${key}`,
      before: String(saved.standardPersonWeights[key]),
      after: String(form.weights[key]),
    });
  }
  if (Object.keys(weights).length > 0) update.standardPersonWeights = weights;
  const loss = toShare(form.lossPercent);
  if (loss !== saved.waterLossThreshold) {
    update.waterLossThreshold = loss;
    changes.push({
      label: 'people.org.lossThreshold',
      before: `${toPercent(saved.waterLossThreshold)}%`,
      after: `${form.lossPercent}%`,
    });
  }
  const leakNow: Leak = {
    windowStart: form.leak.windowStart,
    windowEnd: form.leak.windowEnd,
    baselineNights: form.leak.baselineNights,
    ratio: toShare(form.leak.ratioPercent),
    absoluteM3h: form.leak.absoluteM3h,
    nights: form.leak.nights,
  };
  const leak: Partial<Leak> = {};
  const shown = (key: keyof Leak, v: Leak[keyof Leak]) =>
    key === 'ratio'
      ? `${toPercent(v as number)}%`
      : key === 'absoluteM3h'
        ? `${v} m³/h`
        : String(v);
  for (const key of Object.keys(leakNow) as (keyof Leak)[]) {
    if (leakNow[key] === saved.leakAlert[key]) continue;
    Object.assign(leak, { [key]: leakNow[key] });
    changes.push({
      label: `people.org.leak.${key}`,
      before: shown(key, saved.leakAlert[key]),
      after: shown(key, leakNow[key]),
    });
  }
  if (Object.keys(leak).length > 0) update.leakAlert = leak;
  return { changes, update };
}
