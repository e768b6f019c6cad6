// A DataTable on screen: numbers right-aligned in the UI language, percentages as %, rows a
// chart flags (over quota, loss above the threshold) tinted. Long tables page by 100 rows.
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Cell, DataTable } from './dataTable';
import { formatChange, formatNumber, formatPercent, formatSignedNumber } from './format';

interface Row {
  key: number;
  cells: Cell[];
}

export function DataTableView({ table, testId }: { table: DataTable; testId?: string }) {
  const { i18n } = useTranslation();
  const columns: ColumnsType<Row> = table.columns.map((column, i) => {
    const numeric = column.kind === 'number' || column.kind === 'percent';
    return {
      key: String(i),
      title: column.title,
      align: numeric ? 'right' : 'left',
      render: (_: unknown, row: Row) => {
        const cell = row.cells[i] ?? null;
        if (typeof cell !== 'number') return cell ?? '—';
        // A number in a text column is a label (a year): no digit grouping.
        if (!numeric) return String(cell);
        if (column.kind !== 'percent') {
          const digits = column.digits ?? 2;
          return column.signed
            ? formatSignedNumber(cell, i18n.language, digits)
            : formatNumber(cell, i18n.language, digits);
        }
        return column.signed
          ? formatChange(cell, i18n.language, column.digits ?? 1)
          : formatPercent(cell, i18n.language, column.digits ?? 1);
      },
    };
  });
  const rows: Row[] = table.rows.map((cells, key) => ({ key, cells }));
  return (
    <Table<Row>
      size="small"
      data-testid={testId}
      columns={columns}
      dataSource={rows}
      rowClassName={(row) => {
        const tone = table.tones?.[row.key];
        return tone ? `report-row-${tone}` : '';
      }}
      pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
    />
  );
}
