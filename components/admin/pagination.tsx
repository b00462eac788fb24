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
