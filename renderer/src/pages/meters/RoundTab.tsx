// The reading round (抄表): pick a building (remembered on this PC), optionally a utility, and the
// time of the readings (default now, in the site's zone); then walk its meters by keyboard in
// route order. Also opens the blank round sheet to print for the readers who walk round on paper.
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Empty, Select, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Utility } from '../../../../shared/contract/assets';
import { utilities } from '../../../../shared/contract/assets';
import { DeskError } from '../../../../shared/contract/errors';
import { transport } from '../../api/client';
import { errorText } from '../../errorText';
import { useLabel } from '../../labels';
import { PlacePicker, type Picked } from '../maintenance/orders/pickers';
import { lastSegment } from './round/roundFormat';
import { RoundTable } from './round/RoundTable';
import { recallChoice, rememberChoice } from './round/roundStorage';
import { useRound, useRoundClock } from './round/useRound';

const PICKER_FORMAT = 'YYYY-MM-DD HH:mm';

export function RoundTab() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const [choice, setChoice] = useState(recallChoice);
  const { clock, at, setWall, adoptZone } = useRoundClock();
  const { round, query, error } = useRound(
    choice.place?.value ?? null,
    choice.utility,
    at,
    adoptZone,
  );
  // Opening the tab on a remembered building, or choosing a building or utility, puts the cursor
  // on the first unread meter; a new time does not, as the person may still be in that field.
  const [focusPending, setFocusPending] = useState(choice.place !== null);
  // The list's mount effect has taken the cue by the time this runs (children's effects first).
  useEffect(() => {
    if (round) setFocusPending(false);
  }, [round]);

  const choose = (place: Picked | null, utility: Utility | null) => {
    setFocusPending(true);
    const next = { place, utility };
    setChoice(next);
    rememberChoice(next);
  };

  // A remembered building that has since been deleted is forgotten rather than offered again.
  useEffect(() => {
    if (error instanceof DeskError && error.code === 'NOT_FOUND') {
      setChoice((c) => ({ ...c, place: null }));
      rememberChoice({ place: null, utility: choice.utility });
    }
  }, [error, choice.utility]);

  const openSheet = () => {
    const params = new URLSearchParams({ placeId: choice.place?.value ?? '' });
    if (choice.utility) params.set('utility', choice.utility);
    if (at) params.set('at', at);
    const url = `/print/round-sheet?${params.toString()}`;
    // The desktop window refuses new windows (setWindowOpenHandler), so it shows the sheet in
    // place, as the label sheet does; a browser opens it beside the round, keeping the entry.
    if (transport() === 'ipc') void navigate(url);
    else window.open(url, '_blank');
  };

  const body = () => {
    if (!choice.place) {
      return <Empty description={t('meterRound.empty.noPlace')} />;
    }
    if (error) return <Alert type="error" showIcon title={errorText(t, error)} />;
    if (!round) return <Spin description={t('app.loading')} />;
    if (round.items.length === 0) {
      return (
        <Empty
          description={t(
            choice.utility ? 'meterRound.empty.noMetersOf' : 'meterRound.empty.noMeters',
            {
              place: lastSegment(choice.place.label),
              utility: choice.utility ? label('utility', choice.utility) : '',
            },
          )}
        />
      );
    }
    return (
      <RoundTable
        key={query}
        round={round}
        placeName={lastSegment(choice.place.label)}
        autoFocus={focusPending}
      />
    );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap size="middle" align="center">
        <Space size={4}>
          <label htmlFor="round-place">{t('meterRound.place')}</label>
          <div style={{ width: 320 }}>
            <PlacePicker
              id="round-place"
              autoFocus={!choice.place}
              placeholder={t('meterRound.pickPlace')}
              value={choice.place}
              onChange={(place) => choose(place, choice.utility)}
            />
          </div>
        </Space>
        <Select<Utility>
          aria-label={t('meterRound.utility')}
          allowClear
          // Typing 电 or 再生 picks the utility without the arrow keys.
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('meterRound.allUtilities')}
          style={{ width: 140 }}
          value={choice.utility ?? undefined}
          options={utilities.map((u) => ({ value: u, label: label('utility', u) }))}
          onChange={(utility) => choose(choice.place, utility ?? null)}
        />
        <Space size={4}>
          <label htmlFor="round-time">{t('meterRound.time')}</label>
          <DatePicker
            id="round-time"
            showTime={{ format: 'HH:mm' }}
            format={PICKER_FORMAT}
            allowClear={false}
            value={dayjs(clock.wall)}
            onChange={(d) => d && setWall(d.format('YYYY-MM-DDTHH:mm'))}
          />
          <Typography.Text type="secondary">
            {t('meterRound.zone', { zone: clock.zone })}
          </Typography.Text>
        </Space>
        <Button icon={<PrinterOutlined />} disabled={!choice.place} onClick={openSheet}>
          {t('meterRound.printSheet')}
        </Button>
      </Space>
      {body()}
    </Space>
  );
}
