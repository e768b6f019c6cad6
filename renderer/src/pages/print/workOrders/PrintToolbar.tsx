// The toolbar above the print preview (hidden on paper): back, layout, copies, the page count the
// layout came to, 打印… and 另存为 PDF…. A print that went through marks the orders printed (with
// copies, layout and printer or PDF); a cancelled one in Electron does not. In a browser the PDF
// comes from the print dialog's "Save as PDF", and an info line says so.
import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAX_PRINT_COPIES,
  printLayouts,
  type PrintLayout,
  type PrintOutput,
} from '../../../../../shared/contract/workOrderPrint';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { pdfName, printSheets } from './printOutput';

interface Props {
  layout: PrintLayout;
  copies: number;
  /** Order ids laid out; null while loading. */
  ids: readonly string[] | null;
  /** Orders the batch matched (more than ids when cut at the limit). */
  total: number;
  /** Pages laid out; null until the layout is done. */
  pages: number | null;
  overflowing: number;
  onBack: () => void;
  onChange: (change: { layout?: PrintLayout; copies?: number }) => void;
}

export function PrintToolbar(props: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { layout, copies, ids, pages } = props;
  const [busy, setBusy] = useState<PrintOutput | null>(null);
  const ready = ids !== null && ids.length > 0 && pages !== null && busy === null;

  const run = async (output: PrintOutput) => {
    if (!ids) return;
    setBusy(output);
    try {
      const printed = await printSheets(output, pdfName(t('workOrderPrint.sheetTitle')));
      if (!printed.done) {
        void message.info(t('workOrderPrint.toolbar.cancelled'));
        return;
      }
      const { updated } = await api.call('workOrders.markPrinted', {
        ids: [...ids],
        copies,
        layout,
        output,
      });
      if (printed.fileName)
        void message.success(t('workOrderPrint.toolbar.saved', { file: printed.fileName }));
      void message.success(t('workOrderPrint.toolbar.marked', { count: updated }));
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setBusy(null);
    }
  };

  const summary =
    pages === null || ids === null
      ? t('workOrderPrint.toolbar.laying')
      : t('workOrderPrint.toolbar.summary', { orders: ids.length, copies, pages });
  return (
    <div className="print-toolbar">
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={props.onBack}>
          {t('workOrderPrint.toolbar.back')}
        </Button>
        <Select<PrintLayout>
          aria-label={t('workOrderPrint.toolbar.layout')}
          value={layout}
          style={{ width: 210 }}
          options={printLayouts.map((l) => ({
            value: l,
            label: t(`workOrderPrint.toolbar.layouts.${l}`),
          }))}
          onChange={(next) => props.onChange({ layout: next })}
        />
        <Select<number>
          aria-label={t('workOrderPrint.toolbar.copies')}
          value={copies}
          style={{ width: 96 }}
          options={Array.from({ length: MAX_PRINT_COPIES }, (_, i) => ({
            value: i + 1,
            label: t('workOrderPrint.toolbar.copiesValue', { count: i + 1 }),
          }))}
          onChange={(next) => props.onChange({ copies: next })}
        />
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!ready}
          loading={busy === 'printer'}
          onClick={() => void run('printer')}
        >
          {t('workOrderPrint.toolbar.print')}
        </Button>
        <Button
          icon={<FilePdfOutlined />}
          disabled={!ready}
          loading={busy === 'pdf'}
          onClick={() => void run('pdf')}
        >
          {t('workOrderPrint.toolbar.pdf')}
        </Button>
        <Typography.Text data-testid="print-summary" data-pages={pages ?? ''}>
          {summary}
          {ids !== null &&
            props.total > ids.length &&
            t('workOrderPrint.toolbar.truncated', { total: props.total, shown: ids.length })}
        </Typography.Text>
      </Space>
      {props.overflowing > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('workOrderPrint.toolbar.overflow', { count: props.overflowing })}
          data-testid="print-overflow"
        />
      )}
    </div>
  );
}
