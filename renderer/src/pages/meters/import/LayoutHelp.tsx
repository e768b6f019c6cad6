// The two sheet layouts the reading import accepts, each told in a sentence and shown as a small
// example table — people recognise their platform's export faster from a picture than from rules.
// The examples live in the translations as CSV text, so each language shows headers it accepts.
import { Col, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface ExampleProps {
  csv: string;
  testId: string;
}

function Example({ csv, testId }: ExampleProps) {
  const [head = [], ...body] = csv.split('\n').map((line) => line.split(','));
  return (
    <Table<string[]>
      data-testid={testId}
      size="small"
      bordered
      pagination={false}
      rowKey={(cells) => cells.join(',')}
      dataSource={body}
      columns={head.map((title, i) => ({
        title,
        key: String(i),
        render: (_: unknown, cells: string[]) => cells[i] ?? '',
      }))}
    />
  );
}

export function LayoutHelp() {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('meterImport.layouts.title')}
      </Typography.Title>
      <Row gutter={24}>
        <Col xs={24} xl={12}>
          <Typography.Paragraph>
            <Typography.Text strong>{t('meterImport.layouts.longName')}</Typography.Text>
            {t('meterImport.layouts.long')}
          </Typography.Paragraph>
          <Example csv={t('meterImport.layouts.longExample')} testId="layout-long" />
        </Col>
        <Col xs={24} xl={12}>
          <Typography.Paragraph>
            <Typography.Text strong>{t('meterImport.layouts.wideName')}</Typography.Text>
            {t('meterImport.layouts.wide')}
          </Typography.Paragraph>
          <Example csv={t('meterImport.layouts.wideExample')} testId="layout-wide" />
        </Col>
      </Row>
    </div>
  );
}
