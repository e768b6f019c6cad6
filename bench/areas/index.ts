// The registry of benchmark areas, in the order a full run takes them. Adding an area is one module
// under bench/areas/ and one line here. The sqlite limits come first so later ratios reuse them.
import type { Area } from '../lib/types';
import { analyticsArea } from './analytics';
import { assetsArea } from './assets';
import { assetsUiArea } from './assetsUi';
import { maintenanceArea } from './maintenance';
import { metersArea } from './meters';
import { placesArea } from './places';
import { sqliteArea } from './sqlite';
import { workOrderPrintArea } from './workOrderPrint';

export const areas: readonly Area[] = [
  sqliteArea,
  placesArea,
  assetsArea,
  assetsUiArea,
  maintenanceArea,
  workOrderPrintArea,
  metersArea,
  analyticsArea,
];

// Result names start with the area name; two areas with one name would make --only ambiguous.
const seen = new Set<string>();
for (const area of areas) {
  if (seen.has(area.name)) throw new Error(`Two benchmark areas named ${area.name}`);
  seen.add(area.name);
}
