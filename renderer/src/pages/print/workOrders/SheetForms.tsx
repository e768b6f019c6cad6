// The parts of a printed work order that the crew fills in by hand: ruled lines for findings and
// work done, the parts-and-hours table with its labour, start and end blanks, and the sign-off of
// technician and verifier with dates. Fewer lines in the compact A5 layout.
import type { SheetContext } from './SheetParts';

export function Findings({ ctx }: { ctx: SheetContext }) {
  const lines = ctx.compact ? 3 : 4;
  return (
    <div className="wo-block" data-m="findings">
      <div className="wo-h">{ctx.t('workOrderPrint.sections.findings')}</div>
      {Array.from({ length: lines }, (_, i) => (
        <div className="wo-line" key={i} />
      ))}
    </div>
  );
}

export function Parts({ ctx }: { ctx: SheetContext }) {
  const { t } = ctx;
  const rows = 3;
  const c = (key: string) => t(`workOrderPrint.partsColumns.${key}`);
  return (
    <div className="wo-block" data-m="parts">
      <div className="wo-h">{t('workOrderPrint.sections.parts')}</div>
      <table className="wo-grid wo-blank">
        <colgroup>
          <col />
          <col className="wo-col-qty" />
          <col className="wo-col-qty" />
          <col className="wo-col-note" />
        </colgroup>
        <thead>
          <tr>
            {['name', 'quantity', 'unit', 'note'].map((key) => (
              <th key={key}>{c(key)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i}>
              <td />
              <td />
              <td />
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <div className="wo-fill-row">
        <span>
          {t('workOrderPrint.labour')} <span className="wo-fill wo-fill-short" />{' '}
          {t('workOrderPrint.hoursUnit')}
        </span>
        <span>
          {t('workOrderPrint.start')} <span className="wo-fill" />
        </span>
        <span>
          {t('workOrderPrint.end')} <span className="wo-fill" />
        </span>
      </div>
    </div>
  );
}

export function SignOff({ ctx }: { ctx: SheetContext }) {
  const s = (key: string) => ctx.t(`workOrderPrint.signoff.${key}`);
  return (
    <div className="wo-signoff" data-m="signoff">
      {['technician', 'verifiedBy'].map((who) => (
        <div key={who} className="wo-sign">
          <span>
            {s(who)} <span className="wo-fill" />
          </span>
          <span>
            {s('date')} <span className="wo-fill wo-fill-short" />
          </span>
        </div>
      ))}
    </div>
  );
}
