// The water-balance tree as rows: the tree for the screen (antd expandable rows), and flattened
// with its depth for the CSV/XLSX, where a tree cannot be opened, so names are indented instead.
import type { TFunction } from 'i18next';
import type {
  WaterBalanceNode,
  WaterBalanceResult,
} from '../../../../../shared/contract/analyticsShapes';
import type { DataTable } from '../common/dataTable';

/** Flags that mean the figures are wrong or lost, rather than incomplete. */
export const alarmFlags: readonly string[] = ['loss_above_threshold', 'children_exceed_parent'];

function flatten(node: WaterBalanceNode, depth: number, out: [WaterBalanceNode, number][]) {
  out.push([node, depth]);
  for (const child of node.children) flatten(child, depth + 1, out);
  return out;
}

export function balanceTable(t: TFunction, r: WaterBalanceResult): DataTable {
  const unit = r.unit ?? 'm³';
  const rows = flatten(r, 0, []);
  return {
    columns: [
      { title: t('analytics.col.level'), kind: 'number', digits: 0 },
      { title: t('analytics.col.code') },
      { title: t('analytics.col.meter') },
      { title: t('analytics.col.place') },
      { title: `${t('analytics.balance.input')} (${unit})`, kind: 'number' },
      { title: `${t('analytics.balance.metered')} (${unit})`, kind: 'number' },
      { title: `${t('analytics.balance.unaccounted')} (${unit})`, kind: 'number' },
      { title: t('analytics.balance.lossRate'), kind: 'percent' },
      { title: t('analytics.col.daysWithData'), kind: 'number', digits: 0 },
      { title: t('analytics.col.flags') },
    ],
    rows: rows.map(([n, depth]) => [
      n.level,
      n.code,
      `${'　'.repeat(depth)}${n.name}`,
      n.placeName,
      n.input,
      n.metered,
      n.unaccounted,
      n.lossRate,
      n.daysWithData,
      n.flags.map((f) => t(`analytics.balance.flags.${f}`)).join('；'),
    ]),
  };
}

export function hasAlarm(node: Pick<WaterBalanceNode, 'flags'>): boolean {
  return node.flags.some((f) => alarmFlags.includes(f));
}
