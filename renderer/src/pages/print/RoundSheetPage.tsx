// The blank round sheet (空白抄表单) of a building, for readers who walk round with paper: each
// meter with its last reading and the range expected this time, an empty box for the reading and
// one for remarks, then reader, date and signature lines. Opened from the round as
// /print/round-sheet?placeId=…&utility=…&at=…; a toolbar, hidden when printing, prints it.
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { ResultOf } from '../../../../shared/contract';
import { Utility } from '../../../../shared/contract/assets';
import { api } from '../../api/client';
import { errorText } from '../../errorText';
import { useLabel } from '../../labels';
import {
  datePart,
  formatNumber,
  formatRange,
  localMonth,
  localText,
  placeWithin,
} from '../meters/round/roundFormat';
import './roundSheet.css';

interface Sheet {
  round: ResultOf<'meters.round'>;
  path: ResultOf<'places.get'>['path'];
}

/** Column widths in mm: they add up to the 190 mm between the page margins. */
const widths = [10, 22, 24, 20, 22, 22, 24, 30, 16] as const;
const headers = ['n', 'code', 'name', 'serial', 'place', 'last', 'expected', 'value', 'remark'];

export function RoundSheetPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const placeId = params.get('placeId');
  const parsed = Utility.safeParse(params.get('utility'));
  const utility = parsed.success ? parsed.data : null;
  const at = params.get('at');
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!placeId) {
      setError(t('meterRound.sheet.noPlace'));
      return;
    }
    Promise.all([
      api.call('meters.round', { placeId, ...(utility ? { utility } : {}), ...(at ? { at } : {}) }),
      api.call('places.get', { id: placeId }),
    ])
      .then(([round, place]) => setSheet({ round, path: place.path }))
      .catch((e: unknown) => setError(errorText(t, e)));
  }, [placeId, utility, at, t]);

  const back = () => void navigate('/meters?tab=round');
  if (error || sheet?.round.items.length === 0)
    return (
      <Result
        status="warning"
        title={error ?? t('meterRound.sheet.noMeters')}
        extra={<Button onClick={back}>{t('meterRound.sheet.back')}</Button>}
      />
    );

  const zone = sheet?.round.timeZone ?? 'Asia/Shanghai';
  const month = sheet ? localMonth(sheet.round.at, zone) : null;
  // The root of the path is the campus or park (the organisation); below it, the building.
  const path = sheet?.path ?? [];
  const org = path.length > 1 ? (path[0]?.name ?? '') : '';
  const building = path
    .slice(path.length > 1 ? 1 : 0)
    .map((p) => p.name)
    .join(' › ');
  const own = path[path.length - 1]?.name ?? '';
  return (
    <div className="print-root">
      <div className="print-toolbar">
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={back}>
            {t('meterRound.sheet.back')}
          </Button>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!sheet}
            onClick={() => window.print()}
          >
            {t('meterRound.sheet.print')}
          </Button>
          <Typography.Text data-testid="round-sheet-summary">
            {sheet
              ? t('meterRound.sheet.summary', { count: sheet.round.items.length })
              : t('app.loading')}
          </Typography.Text>
        </Space>
      </div>
      {sheet && month && (
        <section className="round-sheet">
          {org && <div className="round-sheet-org">{org}</div>}
          <h1>
            {building} {t('meterRound.sheet.title')}
          </h1>
          <div className="round-sheet-meta">
            <span>
              {t('meterRound.sheet.utility', {
                name: utility ? label('utility', utility) : t('meterRound.sheet.all'),
              })}
            </span>
            <span>
              {t('meterRound.sheet.monthLabel', { month: t('meterRound.sheet.month', month) })}
            </span>
            <span>{t('meterRound.sheet.count', { count: sheet.round.items.length })}</span>
            <span>{t('meterRound.sheet.rangeAt', { date: localText(sheet.round.at, zone) })}</span>
          </div>
          <table className="round-sheet-table">
            <colgroup>
              {widths.map((w, i) => (
                <col key={i} style={{ width: `${w}mm` }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                {headers.map((h) => (
                  <th key={h}>{t(`meterRound.sheet.col.${h}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sheet.round.items.map((m, i) => (
                <tr key={m.meterId} data-code={m.code}>
                  <td className="round-sheet-n">{i + 1}</td>
                  <td className="round-sheet-code">{m.code}</td>
                  <td>{m.name}</td>
                  <td>{m.serial ?? ''}</td>
                  <td>{placeWithin(m.placeName, own)}</td>
                  <td>
                    {m.last ? formatNumber(m.last.value) : ''}
                    {m.last && <div className="round-sheet-sub">{datePart(m.last.local)}</div>}
                  </td>
                  <td>
                    {m.expectedValues ? formatRange(m.expectedValues) : ''}
                    {m.expectedValues && m.unit && <div className="round-sheet-sub">{m.unit}</div>}
                  </td>
                  <td className="round-sheet-box" />
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
          <div className="round-sheet-sign">
            {(['reader', 'date', 'signature'] as const).map((k) => (
              <span key={k}>
                {t(`meterRound.sheet.${k}`)}
                <span className="round-sheet-line" />
              </span>
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
