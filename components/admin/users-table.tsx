import { LocalDate } from '@/components/local-date';
import { Badge } from '@/components/ui/badge';
import { roleLabel } from '@/lib/auth';
import type { UserPage } from '@/lib/users';

export function UsersTable({ users }: { users: UserPage['users'] }) {
  if (users.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-border bg-muted/50 px-4 py-10 text-center text-muted-foreground">
        No users match
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-(--radius-card) border border-border bg-card">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Users</caption>
        <thead className="border-b border-border bg-muted/60 text-muted-foreground">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Name</th>
            <th scope="col" className="px-4 py-3 font-medium">E-mail</th>
            <th scope="col" className="px-4 py-3 font-medium">Role</th>
            <th scope="col" className="px-4 py-3 font-medium">Status</th>
            <th scope="col" className="px-4 py-3 font-medium">Member since</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row" className="px-4 py-3 font-medium">{user.name}</th>
              <td className="px-4 py-3 break-all">{user.email}</td>
              <td className="px-4 py-3"><Badge variant="outline">{roleLabel[user.role]}</Badge></td>
              <td className="px-4 py-3">
                {user.disabled ? <Badge variant="destructive">Disabled</Badge> : <Badge>Active</Badge>}
              </td>
              <td className="px-4 py-3 whitespace-nowrap"><LocalDate iso={user.created_at} options={{ dateStyle: 'medium' }} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
