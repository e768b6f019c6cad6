// A sheet of QR-code asset labels (code, name, place) laid out in millimetres for A4 label paper;
// the QR encodes the asset code. A toolbar, hidden when printing, picks the sheet format.
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Select, Space, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Asset } from '../../../../shared/contract/assets';
import { api } from '../../api/client';
import { errorText } from '../../errorText';
import { formatById, labelFormats } from './labelFormats';
import { recalledSelection } from './printSelection';

interface Label {
  asset: Asset;
  qr: string;
}

export function LabelSheetPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const format = formatById(params.get('format'));
  const [labels, setLabels] = useState<Label[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [total, setTotal] = useState(0);

  useEffect(() => {
    const selection = recalledSelection();
    if (!selection) {
      setError(t('labels.nothing'));
      return;
    }
    api
      .call('assets.pick', { selection, limit: 5000 })
      .then(async ({ items, total: all }) => {
        setTotal(all);
        const made = await Promise.all(
          items.map(async (asset) => ({
            asset,
            qr: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(
              await QRCode.toString(asset.code, {
                type: 'svg',
                margin: 0,
                errorCorrectionLevel: 'M',
              }),
            )}`,
          })),
        );
        setLabels(made);
      })
      .catch((e: unknown) => setError(errorText(t, e)));
  }, [t]);

  const pages = useMemo(() => {
    const perPage = format.columns * format.rows;
    const out: Label[][] = [];
    for (let i = 0; i < (labels?.length ?? 0); i += perPage)
      out.push((labels ?? []).slice(i, i + perPage));
    return out;
  }, [labels, format]);

  if (error)
    return (
      <Result
        status="warning"
        title={error}
        extra={<Button onClick={() => void navigate('/assets')}>{t('labels.back')}</Button>}
      />
    );

  const qrMm = Math.min(format.heightMm - 6, format.widthMm * 0.42);
  return (
    <div className="print-root">
      <div className="print-toolbar">
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/assets')}>
            {t('labels.back')}
          </Button>
          <Select
            aria-label={t('labels.format')}
            value={format.id}
            style={{ width: 260 }}
            options={labelFormats.map((f) => ({ value: f.id, label: t(`labels.formats.${f.id}`) }))}
            onChange={(id) => setParams({ format: id })}
          />
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!labels}
            onClick={() => window.print()}
          >
            {t('labels.print')}
          </Button>
          <Typography.Text data-testid="label-summary">
            {labels
              ? t('labels.summary', { count: labels.length, pages: pages.length })
              : t('app.loading')}
            {total > (labels?.length ?? 0) && ` ${t('labels.truncated', { total })}`}
          </Typography.Text>
        </Space>
      </div>
      {pages.map((page, p) => (
        <section
          key={p}
          className="label-page"
          style={{
            paddingTop: `${format.marginTopMm}mm`,
            paddingLeft: `${format.marginLeftMm}mm`,
            gridTemplateColumns: `repeat(${format.columns}, ${format.widthMm}mm)`,
            gridAutoRows: `${format.heightMm}mm`,
            columnGap: `${format.gapXMm}mm`,
            rowGap: `${format.gapYMm}mm`,
          }}
        >
          {page.map(({ asset, qr }) => (
            <div key={asset.id} className="asset-label" data-code={asset.code}>
              <img src={qr} alt={asset.code} style={{ width: `${qrMm}mm`, height: `${qrMm}mm` }} />
              <div className="asset-label-text">
                <div className="asset-label-code">{asset.code}</div>
                <div className="asset-label-name">{asset.name}</div>
                <div className="asset-label-place">{asset.placeName ?? ''}</div>
              </div>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
