// One meter's detail: header, consumption chart, lifecycle events and the readings table. A change
// to a reading bumps one generation number that every part reloads on, so the chart and the
// newest-reading day never disagree with the table.
import { Card, Col, Empty, Row, Space, Spin } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsumptionChart } from './ConsumptionChart';
import { MeterEvents } from './MeterEvents';
import { MeterHeader } from './MeterHeader';
import { ReadingsTable } from './ReadingsTable';
import { useMeterDetail } from './useMeterDetail';

interface Props {
  meterId: string;
  onError: (e: unknown) => void;
}

export function MeterDetail({ meterId, onError }: Props) {
  const { t } = useTranslation();
  const [generation, setGeneration] = useState(0);
  const changed = useCallback(() => setGeneration((g) => g + 1), []);
  const state = useMeterDetail(meterId, generation, onError);

  if (state.status === 'loading') {
    return (
      <Spin>
        <div style={{ minHeight: 240 }} />
      </Spin>
    );
  }
  if (state.status === 'missing') return <Empty description={t('meterDetail.missing')} />;
  const { data } = state;
  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="meter-detail"
    >
      <MeterHeader
        meter={data.meter}
        path={data.path}
        parent={data.parent}
        timeZone={data.timeZone}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={17}>
          <ConsumptionChart
            meterId={meterId}
            endDay={data.lastDay}
            generation={generation}
            onError={onError}
          />
        </Col>
        <Col xs={24} xxl={7}>
          <Card size="small" title={t('meterDetail.events.title')}>
            <MeterEvents events={data.events} />
          </Card>
        </Col>
      </Row>
      <ReadingsTable
        meterId={meterId}
        unit={data.meter.unit}
        generation={generation}
        onChanged={changed}
        onError={onError}
      />
    </Space>
  );
}
