// Step 1 of the reading import: the file, what its values are (register readings or amounts per
// interval) and the zone its zoneless times are read in, then "检查" — a dry run that writes
// nothing. The accepted layouts are explained below, with an example of each.
import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Col, Divider, Form, Radio, Row, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReadingValueKind } from '../../../../../shared/contract/readingImport';
import { FileDrop } from '../../../importParts';
import { LayoutHelp } from './LayoutHelp';
import { ZoneSelect } from './ZoneSelect';

/** A file read into memory, ready to be sent with each dry run and the commit. */
export interface ChosenFile {
  name: string;
  size: number;
  contentBase64: string;
}

interface Props {
  file: ChosenFile | null;
  /** The chosen file is still being read. */
  reading: boolean;
  values: ReadingValueKind;
  zone: string | null;
  starting: boolean;
  onFile: (file: File) => void;
  onValues: (values: ReadingValueKind) => void;
  onZone: (zone: string | null) => void;
  onCheck: () => void;
}

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function ChooseStep(props: Props) {
  const { file, reading, values, zone, starting } = props;
  const { t } = useTranslation();
  return (
    <div data-testid="import-choose">
      <Row gutter={32}>
        <Col xs={24} lg={10}>
          <Spin spinning={reading}>
            <FileDrop
              onFile={props.onFile}
              title={t('meterImport.choose.drop')}
              hint={t('meterImport.choose.hint')}
            />
          </Spin>
          <div style={{ marginTop: 12 }} data-testid="import-file">
            {file ? (
              <Space>
                <FileExcelOutlined />
                <Typography.Text strong>{file.name}</Typography.Text>
                <Typography.Text type="secondary">{sizeText(file.size)}</Typography.Text>
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('meterImport.choose.noFile')}</Typography.Text>
            )}
          </div>
        </Col>
        <Col xs={24} lg={14}>
          <Form layout="vertical" component="div">
            <Form.Item label={t('meterImport.choose.values')}>
              <Radio.Group
                value={values}
                onChange={(e) => props.onValues(e.target.value as ReadingValueKind)}
              >
                <Space orientation="vertical">
                  {(['cumulative', 'interval'] as const).map((kind) => (
                    <Radio key={kind} value={kind}>
                      {t(`meterImport.values.${kind}`)}
                      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                        {t(`meterImport.choose.${kind}Hint`)}
                      </Typography.Text>
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </Form.Item>
            <Form.Item
              label={t('meterImport.choose.zone')}
              htmlFor="reading-import-zone"
              extra={t('meterImport.choose.zoneHint')}
            >
              <ZoneSelect id="reading-import-zone" value={zone} onChange={props.onZone} />
            </Form.Item>
            <Button
              type="primary"
              disabled={!file || reading}
              loading={starting}
              onClick={props.onCheck}
            >
              {t('meterImport.choose.check')}
            </Button>
            <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
              {t('meterImport.choose.checkHint')}
            </Typography.Text>
          </Form>
        </Col>
      </Row>
      <Divider />
      <LayoutHelp />
    </div>
  );
}
