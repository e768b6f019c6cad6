// The meters tab (表计): the searchable meter list and, for the meter picked, its detail — header,
// consumption chart, lifecycle events and readings. The picked meter is kept in the address
// (?tab=meters&meter=ID), so a link from a review item, a parent meter or a report opens it.
import { App, Col, Empty, Row } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorText } from '../../errorText';
import { MeterDetail } from './detail/MeterDetail';
import { MeterList } from './detail/MeterList';

export function MetersTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const meterId = params.get('meter');
  const onError = useCallback((e: unknown) => void message.error(errorText(t, e)), [message, t]);

  const select = useCallback(
    (id: string) =>
      setParams((p) => {
        const next = new URLSearchParams(p);
        next.set('tab', 'meters');
        next.set('meter', id);
        return next;
      }),
    [setParams],
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={8}>
        <MeterList selectedId={meterId} onSelect={(m) => select(m.id)} onError={onError} />
      </Col>
      <Col xs={24} xl={16}>
        {meterId ? (
          <MeterDetail key={meterId} meterId={meterId} onError={onError} />
        ) : (
          <Empty description={t('meterDetail.pick')} style={{ marginTop: 48 }} />
        )}
      </Col>
    </Row>
  );
}
