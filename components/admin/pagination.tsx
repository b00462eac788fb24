import { ChevronLeft, ChevronRight } from 'lucide-react';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { cn } from '@/components/ui/utils';

interface PaginationProps {
  basePath: string;
  /** Filters to keep on every page link. */
  query: Record<string, string>;
  page: number;
  pageCount: number;
}

function pageHref(basePath: string, query: Record<string, string>, page: number): string {
  const params = new URLSearchParams(query);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

export function Pagination({ basePath, query, page, pageCount }: PaginationProps) {
  const linkClass = buttonVariants({ variant: 'outline', size: 'sm' });
  const disabledClass = cn(linkClass, 'pointer-events-none opacity-50');
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4">
      {page > 1 ? (
        <Link href={pageHref(basePath, query, Math.min(page - 1, pageCount))} className={linkClass} rel="prev">
          <ChevronLeft aria-hidden="true" />
          Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass}>
          <ChevronLeft aria-hidden="true" />
          Previous
        </span>
      )}
      <p className="text-sm text-muted-foreground">
        Page {page} of {pageCount}
      </p>
      {page < pageCount ? (
        <Link href={pageHref(basePath, query, page + 1)} className={linkClass} rel="next">
          Next
          <ChevronRight aria-hidden="true" />
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass}>
          Next
          <ChevronRight aria-hidden="true" />
        </span>
      )}
    </nav>
  );
}

/**
 * Loads the page asked for; a page past the end (a hand-edited URL, or fewer
 * rows now) loads the last page instead. Gives the page count for <Pagination>.
 */
export async function loadPage<T extends { total: number }>(load: (page: number) => Promise<T>, page: number, pageSize: number): Promise<{ result: T; page: number; pageCount: number }> {
  const first = await load(page);
  const pageCount = Math.max(1, Math.ceil(first.total / pageSize));
  if (page <= pageCount) return { result: first, page, pageCount };
  return { result: await load(pageCount), page: pageCount, pageCount };
}
