import { Compass } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Button } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <section className="mx-auto flex max-w-xl flex-col items-center gap-4 py-12 text-center">
      <Compass aria-hidden="true" className="size-10 text-primary" />
      <h1 className="text-3xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-muted-foreground">The page you asked for does not exist, or it has moved.</p>
      <Button asChild>
        <Link href="/">Go to the home page</Link>
      </Button>
    </section>
  );
}
