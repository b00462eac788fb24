import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { TransactionColumns } from '@/components/reports/transaction-columns';
import { TransactionsExportForm } from '@/components/reports/transactions-export-form';
import { singleParam, type SearchParams } from '@/components/search-params';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { now } from '@/lib/clock';
import { currentMonthDays, utcDayStart } from '@/lib/export-range';
import { transactionColumns } from '@/lib/reports';

export const metadata: Metadata = { title: 'Reports' };

/** A real "YYYY-MM-DD" from the query string, or the fallback (a hand-edited URL still shows the form). */
function dayParam(params: SearchParams, key: string, fallback: string): string {
  const value = singleParam(params, key);
  return value && utcDayStart(value) ? value : fallback;
}

export default async function AdminReportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  await requirePageRole('admin', '/admin/reports');
  const params = await searchParams;
  const month = currentMonthDays(now());
  const from = dayParam(params, 'from', month.from);
  const to = dayParam(params, 'to', month.to);

  return (
    <>
      <PageHeader title="Reports" description="Download the payment ledger for the books, an accountant or a check against Stripe." />
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Transactions (CSV)</CardTitle>
            <CardDescription>
              Every charge and refund recorded in the chosen days, oldest first, one row each. Days are UTC and both are included; at most three
              years at a time. The file opens in any spreadsheet and is built as it downloads, so a large range simply takes a little longer.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <TransactionsExportForm from={from} to={to} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>What the file holds</CardTitle>
            <CardDescription>
              Amounts are whole minor units (pence, cents) and refunds are negative, so a column adds up to the net movement; the _decimal columns
              repeat them in major units. The payment, client and practitioner columns show how they are now. A text cell that a spreadsheet
              would run as a formula (it starts with =, +, - or @) is written with a leading apostrophe.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <TransactionColumns columns={transactionColumns.map(({ header, description }) => ({ header, description }))} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
