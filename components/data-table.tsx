import type { ReactNode } from 'react';
import { cell, EmptyTable, headRow, tableFrame } from '@/components/payments/empty-table';
import { cn } from '@/components/ui/utils';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** The row's header cell (th scope="row"): the column that names the row. */
  rowHeader?: boolean;
  className?: string;
}

/**
 * A plain table of rows with a caption for screen readers, one column
 * definition per column; `empty` stands in its place when there are no rows.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  rowTestId,
}: {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  empty: ReactNode;
  rowTestId?: string;
}) {
  if (rows.length === 0) return <EmptyTable>{empty}</EmptyTable>;
  return (
    <div className={tableFrame}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className={headRow}>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={`${cell} font-medium`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((row) => (
            <tr key={rowKey(row)} data-testid={rowTestId}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.header} scope="row" className={cn(cell, 'font-medium', c.className)}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.header} className={cn(cell, c.className)}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
