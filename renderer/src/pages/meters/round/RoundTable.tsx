// The meters of one round in route order, walked by keyboard: type a value, Enter (checked, then
// saved, then on to the next unread meter); a warning waits for a second Enter or Esc; ↑/↓ move
// between meters; Alt+E marks the value estimated. Progress counts the meters read at this time.
import {
  Alert,
  Checkbox,
  Input,
  Progress,
  Space,
  Table,
  Tag,
  Typography,
  type InputRef,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { datePart, formatNumber, formatRange, placeWithin } from './roundFormat';
import { RoundStatus } from './RoundStatus';
import type { Round, RoundMeter } from './useRound';
import { useRoundEntry, type RowState } from './useRoundEntry';
import './round.css';

function rowClass(state: RowState | undefined): string {
  if (state?.step === 'saved') return state.reading.review ? 'round-row-review' : 'round-row-saved';
  if (state?.step === 'confirm') return 'round-row-warn';
  if (state?.step === 'idle' && state.error) return 'round-row-error';
  return '';
}

interface Props {
  round: Round;
  /** The name of the round's place, left off the front of each meter's location. */
  placeName: string;
  /** Put the cursor on the first unread meter when the list appears. */
  autoFocus: boolean;
}

export function RoundTable({ round, placeName, autoFocus }: Props) {
  const { t } = useTranslation();
  const inputs = useRef(new Map<string, InputRef>());
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [estimated, setEstimated] = useState<Record<string, boolean>>({});
  const focus = useCallback((meterId: string | null) => {
    if (meterId) inputs.current.get(meterId)?.focus({ cursor: 'all' });
  }, []);
  const { states, submit, cancel, edited, done } = useRoundEntry(round, focus);
  const total = round.items.length;

  useEffect(() => {
    if (!autoFocus) return;
    const first = round.items.find((m) => states[m.meterId]?.step !== 'saved');
    if (first) focus(first.meterId);
    // Only when a round is first shown: later saves move focus themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKey = (e: KeyboardEvent<HTMLInputElement>, meter: RoundMeter, index: number) => {
    const id = meter.meterId;
    if (e.key === 'Enter') {
      e.preventDefault();
      void submit(meter, e.currentTarget.value, estimated[id] ?? false);
    } else if (e.key === 'Escape') {
      cancel(id);
      e.currentTarget.select();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = round.items[index + (e.key === 'ArrowDown' ? 1 : -1)];
      if (next) focus(next.meterId);
    } else if (e.altKey && e.code === 'KeyE') {
      e.preventDefault();
      if (states[id]?.step === 'saved') return;
      setEstimated((s) => ({ ...s, [id]: !s[id] }));
      edited(id);
    }
  };

  const columns: ColumnsType<RoundMeter> = [
    { key: 'n', title: '#', width: 44, render: (_v, _m, i) => i + 1 },
    {
      key: 'code',
      title: t('meterRound.col.code'),
      className: 'round-nowrap',
      render: (_v, m) => <span className="round-code">{m.code}</span>,
    },
    { key: 'name', title: t('meterRound.col.name'), dataIndex: 'name' },
    { key: 'serial', title: t('meterRound.col.serial'), render: (_v, m) => m.serial ?? '—' },
    {
      key: 'place',
      title: t('meterRound.col.place'),
      render: (_v, m) => placeWithin(m.placeName, placeName) || '—',
    },
    {
      key: 'last',
      title: t('meterRound.col.last'),
      className: 'round-nowrap',
      render: (_v, m) =>
        m.last ? (
          <div>
            <span className="round-figure">{formatNumber(m.last.value)}</span>
            {m.last.estimated && <Tag className="round-tag">{t('meterRound.estimatedTag')}</Tag>}
            <div className="round-sub">{datePart(m.last.local)}</div>
          </div>
        ) : (
          <Typography.Text type="secondary">{t('meterRound.noLast')}</Typography.Text>
        ),
    },
    {
      key: 'expected',
      title: t('meterRound.col.expected'),
      className: 'round-nowrap',
      render: (_v, m) =>
        m.expectedValues ? (
          <span className="round-figure">{formatRange(m.expectedValues)}</span>
        ) : (
          <Typography.Text type="secondary">{t('meterRound.noRange')}</Typography.Text>
        ),
    },
    {
      key: 'value',
      title: t('meterRound.col.value'),
      width: 170,
      render: (_v, m, index) => {
        const state = states[m.meterId];
        const saved = state?.step === 'saved' ? state.reading : null;
        const error = state?.step === 'idle' && state.error;
        return (
          <Input
            ref={(el) => {
              if (el) inputs.current.set(m.meterId, el);
              else inputs.current.delete(m.meterId);
            }}
            aria-label={t('meterRound.inputLabel', { code: m.code })}
            data-testid={`round-input-${m.code}`}
            value={saved ? formatNumber(saved.value) : (texts[m.meterId] ?? '')}
            readOnly={saved !== null || state?.step === 'busy'}
            status={state?.step === 'confirm' ? 'warning' : error ? 'error' : undefined}
            inputMode="decimal"
            autoComplete="off"
            suffix={<span className="round-sub">{m.unit ?? ''}</span>}
            onChange={(e) => {
              setTexts((s) => ({ ...s, [m.meterId]: e.target.value }));
              edited(m.meterId);
            }}
            onKeyDown={(e) => onKey(e, m, index)}
          />
        );
      },
    },
    {
      key: 'estimated',
      title: t('meterRound.col.estimated'),
      width: 60,
      render: (_v, m) => {
        const state = states[m.meterId];
        return (
          <Checkbox
            aria-label={t('meterRound.estimatedLabel', { code: m.code })}
            checked={state?.step === 'saved' ? state.reading.estimated : !!estimated[m.meterId]}
            disabled={state?.step === 'saved'}
            onChange={(e) => {
              setEstimated((s) => ({ ...s, [m.meterId]: e.target.checked }));
              edited(m.meterId);
            }}
          />
        );
      },
    },
    {
      key: 'status',
      title: t('meterRound.col.status'),
      width: 300,
      render: (_v, m) => (
        <div data-testid={`round-status-${m.code}`}>
          <RoundStatus meter={m} state={states[m.meterId]} />
        </div>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space size="large" wrap>
        <Typography.Text strong data-testid="round-progress">
          {t('meterRound.progress', { done, total })}
        </Typography.Text>
        <Progress
          percent={total ? Math.round((done / total) * 100) : 0}
          size="small"
          style={{ width: 240 }}
        />
        <Typography.Text type="secondary">{t('meterRound.keys')}</Typography.Text>
      </Space>
      {total > 0 && done === total && (
        <Alert type="success" showIcon title={t('meterRound.allDone', { total })} />
      )}
      <Table<RoundMeter>
        rowKey="meterId"
        size="small"
        columns={columns}
        dataSource={round.items}
        pagination={false}
        rowClassName={(m) => rowClass(states[m.meterId])}
        aria-label={t('meterRound.tableLabel')}
      />
    </Space>
  );
}
