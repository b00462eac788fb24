import { ArrowRight, Users } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';

export const metadata: Metadata = { title: 'Admin dashboard' };

export default async function AdminPage() {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  await requirePageRole('admin', '/admin');
  return (
    <>
      <PageHeader title="Admin dashboard" description="Run the place: people, bookings, payments and settings." />
      <div className="grid gap-6 md:grid-cols-2 lg:grid-cols-3">
        <Card>
          <CardHeader>
            <div className="flex items-center gap-3">
              <span className="grid size-9 place-items-center rounded-lg bg-secondary text-secondary-foreground">
                <Users aria-hidden="true" className="size-4" />
              </span>
              <CardTitle>Users</CardTitle>
            </div>
            <CardDescription>Find clients, practitioners and admins by name, e-mail or role.</CardDescription>
          </CardHeader>
          <CardFooter>
            <Button asChild variant="outline">
              <Link href="/admin/users">
                Manage users
                <ArrowRight aria-hidden="true" />
              </Link>
            </Button>
          </CardFooter>
        </Card>
      </div>
    </>
  );
}
