// The IANA time zones offered for reading a file's zoneless timestamps. Campuses in China use
// Beijing time, so Asia/Shanghai leads (and is the default), followed by the few zones a Chinese
// site or a metering platform might write in; then every zone the runtime knows, for the rare
// site elsewhere. Each option shows its current UTC offset, which is what a person checks.
import { DateTime } from 'luxon';
import { FALLBACK_ZONE } from '../detail/format';

export const DEFAULT_ZONE = FALLBACK_ZONE;

const FIRST = [DEFAULT_ZONE, 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'UTC'];

export interface ZoneOption {
  value: string;
  label: string;
}

let cached: ZoneOption[] | null = null;

/** Computed once: about 400 zones, each with its offset. */
export function zoneOptions(): ZoneOption[] {
  if (cached) return cached;
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zones = [...FIRST, ...known.filter((zone) => !FIRST.includes(zone))];
  const now = DateTime.now();
  cached = zones.map((zone) => {
    const here = now.setZone(zone);
    return { value: zone, label: here.isValid ? `${zone} (UTC${here.toFormat('ZZ')})` : zone };
  });
  return cached;
}
