import type { ReactNode } from 'react';
import { cell, EmptyTable, headRow, tableFrame } from '@/components/payments/empty-table';
import { cn } from '@/components/ui/utils';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** The row's header cell (th scope="row"): the column that names the row, and the title of its card on a phone. */
  rowHeader?: boolean;
  /** Classes of the column's cells, the same for every row or chosen per row. */
  className?: string | ((row: Row) => string | undefined);
  /** The header is read out but not shown (a column of actions). */
  hiddenHeader?: boolean;
  testId?: string;
}

// Under 640 px the table stacks into cards: one card a row, each cell with its header above it
// (from data-label, drawn by CSS so the cell's text stays the value), the row's header first.
const cardFrame = 'max-sm:overflow-visible max-sm:rounded-none max-sm:border-0 max-sm:bg-transparent';
const cardBody = 'max-sm:flex max-sm:flex-col max-sm:gap-3 max-sm:divide-y-0';
const cardRow = 'max-sm:flex max-sm:flex-col max-sm:rounded-(--radius-card) max-sm:border max-sm:border-border max-sm:bg-card max-sm:py-2';
const cardCell = cn(
  'max-sm:block max-sm:py-1.5 max-sm:whitespace-normal max-sm:break-words',
  'max-sm:before:block max-sm:before:text-xs max-sm:before:font-normal max-sm:before:text-muted-foreground max-sm:before:content-[attr(data-label)]',
);
const cardTitle = 'max-sm:order-first max-sm:block max-sm:py-1.5 max-sm:text-base max-sm:whitespace-normal max-sm:break-words';

function columnClass<Row>(column: Column<Row>, row: Row): string | undefined {
  return typeof column.className === 'function' ? column.className(row) : column.className;
}

/**
 * A table of rows with a caption for screen readers, one column definition
 * per column; `empty` stands in its place when there are no rows (without
 * it the table is drawn with its head only). Under 640 px every row is a card.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  rowTestId,
  testId,
  rowClassName,
}: {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  empty?: ReactNode;
  rowTestId?: string;
  testId?: string;
  rowClassName?: (row: Row) => string | undefined;
}) {
  if (rows.length === 0 && empty !== undefined) return <EmptyTable>{empty}</EmptyTable>;
  return (
    // The frame scrolls sideways when the table is wider than it: focusable, so the keyboard can scroll it too.
    <div className={cn(tableFrame, cardFrame, 'focus-visible:outline-2 focus-visible:outline-ring')} tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full text-left text-sm max-sm:block" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className={cn(headRow, 'max-sm:sr-only')}>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={`${cell} font-medium`}>
                {c.hiddenHeader ? <span className="sr-only">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={cn('divide-y divide-border', cardBody)}>
          {rows.map((row) => (
            <tr key={rowKey(row)} data-testid={rowTestId} className={cn(rowClassName?.(row), cardRow)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.header} scope="row" data-testid={c.testId} className={cn(cell, 'font-medium', columnClass(c, row), cardTitle)}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.header} data-testid={c.testId} data-label={c.hiddenHeader ? undefined : c.header} className={cn(cell, columnClass(c, row), cardCell)}>
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

/** A person's name with the e-mail under it, for the client column of admin lists. */
export function NameWithEmail({ person }: { person: { name: string; email: string | null } }) {
  return (
    <>
      {person.name}
      <span className="block break-all text-xs text-muted-foreground">{person.email}</span>
    </>
  );
}
