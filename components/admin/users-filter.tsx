import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/select';
import type { UserRole } from '@/lib/users';

const roles: UserRole[] = ['client', 'provider', 'admin'];

/** A plain GET form: filters live in the URL, so they can be shared and survive a reload. */
export function UsersFilter({ search, role, labels }: { search?: string; role?: UserRole; labels: Record<UserRole, string> }) {
  return (
    <form method="get" action="/admin/users" role="search" aria-label="Filter users" className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="flex flex-1 flex-col gap-2">
        <label htmlFor="users-search" className="text-sm font-medium">
          Search
        </label>
        <Input id="users-search" name="search" type="search" placeholder="Name or e-mail" defaultValue={search} maxLength={100} />
      </div>
      <div className="flex flex-col gap-2 sm:w-48">
        <label htmlFor="users-role" className="text-sm font-medium">
          Role
        </label>
        <NativeSelect id="users-role" name="role" defaultValue={role ?? ''}>
          <option value="">All roles</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {labels[r]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex gap-2">
        <Button type="submit">Filter</Button>
        {search || role ? (
          <Button asChild variant="ghost">
            <Link href="/admin/users">Clear</Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
