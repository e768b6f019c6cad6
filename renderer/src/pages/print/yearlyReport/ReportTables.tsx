// The yearly report's tables: the buildings that use most water and electricity, the water balance
// under each inlet meter (with the meters below that need a look), the leak alerts of the year and
// the maintenance KPIs. Long lists are cut to what fits a printed page and say how many were left
// out, since a report that runs to pages of meter rows is read by nobody.
import type { TFunction } from 'i18next';
import type { ResultOf } from '../../../../../shared/contract';
import type { WaterBalanceNode } from '../../../../../shared/contract/analyticsShapes';
import type { ReportData } from './loadReport';
import { formatNumber, formatShare, type ReportUtility } from './reportFormat';

interface Props {
  data: ReportData;
  t: TFunction;
  language: string;
}

const TOP_BUILDINGS = 10;
const MAX_FLAGGED = 8;
const MAX_ALERTS = 15;
/** The flags that call for action; data-quality flags are only mentioned beside them. */
const ATTENTION = ['loss_above_threshold', 'children_exceed_parent'];

function Omitted({ count, t }: { count: number; t: TFunction }) {
  return count > 0 ? <p className="yr-note">{t('yearlyReport.omitted', { count })}</p> : null;
}

function BuildingTable({ data, t, language, utility }: Props & { utility: ReportUtility }) {
  const result = data.breakdown[utility];
  const rows = result.buildings.filter((b) => b.amount !== null).slice(0, TOP_BUILDINGS);
  return (
    <div className="yr-half" data-buildings={utility}>
      <h3>{t(`yearlyReport.buildings.${utility}`, { unit: result.unit })}</h3>
      {rows.length === 0 ? (
        <p className="yr-note">{t('yearlyReport.noData')}</p>
      ) : (
        <table className="yr-table">
          <thead>
            <tr>
              {['rank', 'name', 'amount', 'share', 'perArea'].map((c) => (
                <th key={c}>
                  {t(`yearlyReport.buildings.col.${c}`, { unit: result.perAreaUnit })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((b, i) => (
              <tr key={b.placeId}>
                <td className="yr-num">{i + 1}</td>
                <td>{b.name}</td>
                <td className="yr-num">{formatNumber(b.amount, 0, language)}</td>
                <td className="yr-num">{formatShare(b.share, language)}</td>
                <td className="yr-num">{formatNumber(b.perArea, 2, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function BuildingsSection(props: Props) {
  return (
    <section className="yr-section" data-section="buildings">
      <h2>{props.t('yearlyReport.section.buildings')}</h2>
      <div className="yr-pair">
        <BuildingTable {...props} utility="water" />
        <BuildingTable {...props} utility="electricity" />
      </div>
    </section>
  );
}

/** The meters below the inlets whose balance needs attention, depth-first. */
function flaggedBelow(node: WaterBalanceNode): WaterBalanceNode[] {
  return node.children.flatMap((child) => [
    ...(child.flags.some((f) => ATTENTION.includes(f)) ? [child] : []),
    ...flaggedBelow(child),
  ]);
}

function BalanceRow({
  node,
  t,
  language,
}: {
  node: WaterBalanceNode;
  t: TFunction;
  language: string;
}) {
  const attention = node.flags.some((f) => ATTENTION.includes(f));
  return (
    <tr className={attention ? 'yr-flagged' : ''} data-meter={node.code}>
      <td>
        {node.code} {node.name}
      </td>
      <td className="yr-num">{formatNumber(node.input, 0, language)}</td>
      <td className="yr-num">{formatNumber(node.metered, 0, language)}</td>
      <td className="yr-num">{formatNumber(node.unaccounted, 0, language)}</td>
      <td className="yr-num">{formatShare(node.lossRate, language)}</td>
      <td>
        {node.flags
          .map((f) => t(`yearlyReport.balance.flags.${f}`))
          .join(t('yearlyReport.separator'))}
      </td>
    </tr>
  );
}

export function BalanceSection({ data, t, language }: Props) {
  const { balances } = data;
  const flagged = balances.flatMap(flaggedBelow);
  const head = (
    <thead>
      <tr>
        {['meter', 'input', 'metered', 'unaccounted', 'lossRate', 'flags'].map((c) => (
          <th key={c}>{t(`yearlyReport.balance.col.${c}`)}</th>
        ))}
      </tr>
    </thead>
  );
  return (
    <section className="yr-section" data-section="balance">
      <h2>{t('yearlyReport.section.balance')}</h2>
      {balances.length === 0 ? (
        <p className="yr-note">{t('yearlyReport.balance.noInlets')}</p>
      ) : (
        <>
          <table className="yr-table">
            {head}
            <tbody>
              {balances.map((b) => (
                <BalanceRow key={b.meterId} node={b} t={t} language={language} />
              ))}
            </tbody>
          </table>
          <p className="yr-note">
            {t('yearlyReport.balance.threshold', {
              threshold: formatShare(balances[0]?.lossThreshold, language),
            })}{' '}
            {flagged.length === 0
              ? t('yearlyReport.balance.allClear')
              : t('yearlyReport.balance.flagged', { count: flagged.length })}
          </p>
          {flagged.length > 0 && (
            <table className="yr-table">
              {head}
              <tbody>
                {flagged.slice(0, MAX_FLAGGED).map((n) => (
                  <BalanceRow key={n.meterId} node={n} t={t} language={language} />
                ))}
              </tbody>
            </table>
          )}
          <Omitted count={flagged.length - MAX_FLAGGED} t={t} />
        </>
      )}
    </section>
  );
}

export function LeaksSection({ data, t, language }: Props) {
  const { leaks } = data;
  const rule = leaks.rule;
  return (
    <section className="yr-section" data-section="leaks">
      <h2>{t('yearlyReport.section.leaks')}</h2>
      {leaks.items.length === 0 ? (
        <p data-testid="yr-no-leaks">{t('yearlyReport.leaks.none')}</p>
      ) : (
        <table className="yr-table">
          <thead>
            <tr>
              {['start', 'raised', 'last', 'nights', 'baseline', 'peak', 'meter', 'request'].map(
                (c) => (
                  <th key={c}>{t(`yearlyReport.leaks.col.${c}`)}</th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {leaks.items.slice(0, MAX_ALERTS).map((a) => {
              const likely = a.meters.find((m) => m.meterId === a.likelyMeterId) ?? a.meters[0];
              return (
                <tr key={a.id}>
                  <td>{a.startNight}</td>
                  <td>{a.raisedNight}</td>
                  <td>{a.ongoing ? t('yearlyReport.leaks.ongoing') : a.lastNight}</td>
                  <td className="yr-num">{a.exceedingNights}</td>
                  <td className="yr-num">{formatNumber(a.baseline, 2, language)}</td>
                  <td className="yr-num">{formatNumber(a.peakMnf, 2, language)}</td>
                  <td>{likely ? `${likely.code} ${likely.name}` : ''}</td>
                  <td>{a.requestNumber ?? t('yearlyReport.leaks.noRequest')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Omitted count={leaks.items.length - MAX_ALERTS} t={t} />
      <p className="yr-note">
        {t('yearlyReport.leaks.rule', {
          start: rule.windowStart,
          end: rule.windowEnd,
          ratio: formatShare(rule.ratio, language),
          absolute: formatNumber(rule.absoluteM3h, 1, language),
          nights: rule.nights,
        })}
      </p>
    </section>
  );
}

type Kpis = ResultOf<'workOrders.kpis'>;

function kpiCells(k: Kpis, t: TFunction, language: string): [string, string][] {
  return [
    ['open', String(k.open)],
    [
      'overdue',
      t('yearlyReport.kpis.countShare', {
        count: k.overdue,
        share: formatShare(k.open > 0 ? k.overdue / k.open : null, language),
      }),
    ],
    ['mttr', t('yearlyReport.kpis.hours', { value: formatNumber(k.mttrHours, 1, language) })],
    ['completed', String(k.completedLast12Months)],
    [
      'pm',
      t('yearlyReport.kpis.pmValue', {
        share: formatShare(k.pmCompliance, language),
        onTime: k.pmOnTime,
        due: k.pmDue,
      }),
    ],
    ['requests', String(k.requestsNew)],
  ];
}

export function KpisSection({ data, t, language }: Props) {
  const { kpis } = data;
  return (
    // Small enough to keep whole: a heading or the backlog line alone on a page reads as a stray.
    <section className="yr-section yr-keep" data-section="kpis">
      <h2>{t('yearlyReport.section.kpis')}</h2>
      <p className="yr-note">{t('yearlyReport.kpis.scope')}</p>
      <div className="yr-kpis">
        {kpiCells(kpis, t, language).map(([key, text]) => (
          <div key={key} className="yr-kpi">
            <div className="yr-figure-label">{t(`yearlyReport.kpis.${key}`)}</div>
            <div className="yr-kpi-value">{text}</div>
          </div>
        ))}
      </div>
      <p>
        {t('yearlyReport.kpis.backlog')}
        {kpis.backlog
          .map((b) => t('yearlyReport.kpis.bucket', { bucket: b.bucket, count: b.count }))
          .join(t('yearlyReport.separator'))}
      </p>
    </section>
  );
}
