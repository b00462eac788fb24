import { ShieldAlert } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { areaOf, getCurrentUser } from '@/lib/auth';

export default async function Forbidden() {
  const user = await getCurrentUser();
  return (
    <section className="mx-auto flex max-w-xl flex-col items-center gap-4 py-12 text-center">
      <ShieldAlert aria-hidden="true" className="size-10 text-primary" />
      <h1 className="text-3xl font-semibold tracking-tight">You don&apos;t have access to this page</h1>
      <p className="text-muted-foreground">
        This part of Wellbook belongs to another kind of account. If you think you should see it, ask an admin.
      </p>
      <Button asChild>
        {user ? <Link href={areaOf[user.role]}>Go to your area</Link> : <Link href="/">Go to the home page</Link>}
      </Button>
    </section>
  );
}
