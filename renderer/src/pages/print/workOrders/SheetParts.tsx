// The pieces a printed work order is made of: the header (organisation, logo, order number as text
// and QR code), the facts table, section headings, the description, the asset table (its column
// header drawn again wherever a run of rows continues), the checklist with tick boxes, the running
// header of continued sheets, and the blanks filled in by hand (SheetForms.tsx). The same
// components fill the hidden measuring copy and the sheets themselves, so what was measured is
// what prints. Vertical spacing is padding, never margin, so heights add.
import type { TFunction } from 'i18next';
import type { PrintOrder } from '../../../../../shared/contract/workOrderPrint';
import type { Piece } from './paginate';
import type { BlockId } from './measure';
import { Findings, Parts, SignOff } from './SheetForms';

export interface SheetContext {
  t: TFunction;
  /** Coded values in the UI language: status, type, priority, category, asset kind. */
  text: (group: 'status' | 'type' | 'priority' | 'category' | 'kind', value: string) => string;
  organisation: (order: PrintOrder) => string;
  logo: string | null;
  qr: ReadonlyMap<string, string>;
  /** An instant as local "YYYY-MM-DD HH:mm" in the sheet's time zone. */
  stamp: (iso: string) => string;
  compact: boolean;
}

interface Part {
  order: PrintOrder;
  ctx: SheetContext;
}

const dash = (value: string | null | undefined) => (value ? value : '—');

export function placePath(order: PrintOrder): string {
  return order.place.map((p) => p.name).join(' › ');
}

function Header({ order, ctx }: Part) {
  const { t } = ctx;
  return (
    <div className="wo-header" data-m="header">
      {ctx.logo && <img className="wo-logo" src={ctx.logo} alt="" />}
      <div className="wo-heading">
        <div className="wo-org">{ctx.organisation(order)}</div>
        <div className="wo-title">{t('workOrderPrint.sheetTitle')}</div>
        <div className="wo-order-title">{order.title}</div>
      </div>
      <div className="wo-qr">
        <img src={ctx.qr.get(order.number) ?? ''} alt={order.number} />
        <div className="wo-number">{order.number}</div>
      </div>
    </div>
  );
}

function Meta({ order, ctx }: Part) {
  const { t, text } = ctx;
  const f = (key: string) => t(`workOrderPrint.fields.${key}`);
  const people = [order.crewName, order.technicianName].filter(Boolean).join(' / ');
  return (
    <div className="wo-meta-box" data-m="meta">
      <table className="wo-meta">
        <tbody>
          <tr>
            <th>{f('number')}</th>
            <td className="wo-mono">{order.number}</td>
            <th>{f('type')}</th>
            <td>
              {text('type', order.type)} · {text('category', order.category)}
            </td>
          </tr>
          <tr>
            <th>{f('priority')}</th>
            <td>{text('priority', order.priority)}</td>
            <th>{f('status')}</th>
            <td>{text('status', order.status)}</td>
          </tr>
          <tr>
            <th>{f('reportedAt')}</th>
            <td>{ctx.stamp(order.reportedAt)}</td>
            <th>{f('dueDate')}</th>
            <td className="wo-strong">{dash(order.dueDate)}</td>
          </tr>
          <tr>
            <th>{f('place')}</th>
            <td colSpan={3} className="wo-strong">
              {dash(placePath(order))}
            </td>
          </tr>
          <tr>
            <th>{f('requester')}</th>
            <td>{dash(order.requester)}</td>
            <th>{f('phone')}</th>
            <td className="wo-mono">{dash(order.requesterPhone)}</td>
          </tr>
          <tr>
            <th>{f('crew')}</th>
            <td>{dash(people)}</td>
            <th>{f('estimatedHours')}</th>
            <td>
              {order.estimatedHours === null
                ? '—'
                : t('workOrderPrint.hours', { hours: order.estimatedHours })}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function Heading({ id, children }: { id: BlockId; children: string }) {
  return (
    <div className="wo-h" data-m={id}>
      {children}
    </div>
  );
}

const Box = ({ done = false }: { done?: boolean }) => (
  <span className="wo-box">{done ? '✓' : ''}</span>
);

export function AssetHead({ t }: { t: TFunction }) {
  const c = (key: string) => t(`workOrderPrint.assetColumns.${key}`);
  return (
    <>
      <colgroup>
        <col className="wo-col-n" />
        <col className="wo-col-code" />
        <col />
        <col className="wo-col-kind" />
        <col className="wo-col-place" />
        <col className="wo-col-done" />
      </colgroup>
      <thead>
        <tr>
          {['n', 'code', 'name', 'kind', 'place', 'done'].map((key) => (
            <th key={key}>{c(key)}</th>
          ))}
        </tr>
      </thead>
    </>
  );
}

export function AssetRows({ order, ctx, from, to }: Part & { from: number; to: number }) {
  return (
    <table className="wo-grid">
      <AssetHead t={ctx.t} />
      <tbody>
        {order.assets.slice(from, to).map((a, i) => (
          <tr key={a.id} data-r={from + i}>
            <td className="wo-center">{from + i + 1}</td>
            <td className="wo-mono">{a.code}</td>
            <td>{a.name}</td>
            <td>{ctx.text('kind', a.kind)}</td>
            <td>{a.placePath}</td>
            <td className="wo-center">
              <Box />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ChecklistRows({
  order,
  from,
  to,
}: {
  order: PrintOrder;
  from: number;
  to: number;
}) {
  return (
    <div className="wo-checklist">
      {order.checklist.slice(from, to).map((item, i) => (
        <div className="wo-check" key={from + i} data-c={from + i}>
          <Box done={item.done} />
          <span>{item.text}</span>
        </div>
      ))}
    </div>
  );
}

/** One block of the flow by id. */
export function Block({ id, order, ctx }: Part & { id: string }) {
  const { t } = ctx;
  switch (id as BlockId) {
    case 'header':
      return <Header order={order} ctx={ctx} />;
    case 'meta':
      return <Meta order={order} ctx={ctx} />;
    case 'h-description':
      return <Heading id="h-description">{t('workOrderPrint.sections.description')}</Heading>;
    case 'h-assets':
      return (
        <Heading id="h-assets">
          {t('workOrderPrint.sections.assets', { count: order.assets.length })}
        </Heading>
      );
    case 'h-checklist':
      return <Heading id="h-checklist">{t('workOrderPrint.sections.checklist')}</Heading>;
    case 'findings':
      return <Findings ctx={ctx} />;
    case 'parts':
      return <Parts ctx={ctx} />;
    case 'signoff':
      return <SignOff ctx={ctx} />;
  }
}

export function Continuation({ order, ctx }: Part) {
  return (
    <div className="wo-cont-box" data-m="cont">
      <div className="wo-cont">
        <span className="wo-mono">{order.number}</span>
        <span className="wo-cont-title">
          {order.title}
          {ctx.t('workOrderPrint.continued')}
        </span>
      </div>
    </div>
  );
}

export function PieceView({ piece, order, ctx }: Part & { piece: Piece }) {
  if (piece.kind === 'block') return <Block id={piece.id} order={order} ctx={ctx} />;
  if (piece.kind === 'text') {
    return <div className="wo-text">{order.description.slice(piece.from, piece.to)}</div>;
  }
  if (piece.group === 'assets') {
    return <AssetRows order={order} ctx={ctx} from={piece.from} to={piece.to} />;
  }
  return <ChecklistRows order={order} from={piece.from} to={piece.to} />;
}
