// Pieces every table import shares (assets, meter readings): the drop zone that hands one chosen
// file to the page — nothing is uploaded by antd, the page reads it and sends it through the API —
// and the paged table of a dry run's problems (row, column, value, reason).
import { InboxOutlined } from '@ant-design/icons';
import { Table, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FileDropProps {
  onFile: (file: File) => void;
  title: ReactNode;
  hint?: ReactNode;
  accept?: string;
  disabled?: boolean;
}

export function FileDrop({
  onFile,
  title,
  hint,
  accept = '.csv,.xlsx,.txt',
  disabled = false,
}: FileDropProps) {
  return (
    <Upload.Dragger
      accept={accept}
      multiple={false}
      showUploadList={false}
      disabled={disabled}
      beforeUpload={(file) => {
        onFile(file);
        // false keeps antd from posting the file anywhere: the page reads it itself.
        return false;
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p>{title}</p>
      {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
    </Upload.Dragger>
  );
}

/** What every importer's problem has; an importer may carry more (a kind, a severity). */
export interface ProblemRow {
  row: number;
  column: string;
  value: string;
  reason: string;
}

interface ProblemTableProps<P extends ProblemRow> {
  problems: readonly P[];
  /** The reason as the reader should see it (importers word theirs differently). */
  reasonText: (problem: P) => ReactNode;
  /** Columns shown between the value and the reason. */
  extraColumns?: ColumnsType<P>;
  rowClassName?: (problem: P) => string;
  testId?: string;
  pageSize?: number;
}

export function ProblemTable<P extends ProblemRow>({
  problems,
  reasonText,
  extraColumns = [],
  rowClassName,
  testId,
  pageSize = 10,
}: ProblemTableProps<P>) {
  const { t } = useTranslation();
  const columns: ColumnsType<P> = [
    { title: t('import.row'), dataIndex: 'row', width: 70 },
    { title: t('import.column'), dataIndex: 'column', width: 140 },
    { title: t('import.value'), dataIndex: 'value', ellipsis: true },
    ...extraColumns,
    { title: t('import.reason'), key: 'reason', render: (_: unknown, p: P) => reasonText(p) },
  ];
  return (
    <Table<P>
      size="small"
      data-testid={testId}
      rowKey={(p) => `${p.row}:${p.column}:${p.value}:${p.reason}`}
      dataSource={problems as P[]}
      rowClassName={rowClassName}
      pagination={{ pageSize, showSizeChanger: false }}
      columns={columns}
    />
  );
}
