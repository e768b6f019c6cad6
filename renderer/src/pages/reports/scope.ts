// What every report tab is about: one site and one year, chosen on the page and kept in the
// address (?site=…&year=…) with the tab, so a link or a reload shows the same figures.
import type { Place } from '../../../../shared/contract/places';

export interface ReportScope {
  site: Place;
  year: number;
  /** For file names: "职业技术学院主校区_2025". */
  fileContext: string;
}

/** The years offered: this one and the nine before (the API answers any year; these are common). */
export function yearOptions(thisYear: number): number[] {
  return Array.from({ length: 10 }, (_, i) => thisYear - i);
}
