import { DataTable, type Column } from '@/components/data-table';
import { LocalDate } from '@/components/local-date';
import { Badge } from '@/components/ui/badge';
import type { UserPage, UserRole } from '@/lib/users';
import { UserActions } from './user-actions';

type UserRow = UserPage['users'][number];

function columnsFor(currentUserId: string, labels: Record<UserRole, string>): readonly Column<UserRow>[] {
  return [
    { header: 'Name', rowHeader: true, cell: (u) => (u.id === currentUserId ? `${u.name} (you)` : u.name) },
    { header: 'E-mail', className: 'break-all', cell: (u) => u.email },
    { header: 'Role', cell: (u) => <Badge variant="outline">{labels[u.role]}</Badge> },
    { header: 'Status', cell: (u) => (u.deleted ? <Badge variant="outline">Deleted</Badge> : u.active ? <Badge>Active</Badge> : <Badge variant="destructive">Deactivated</Badge>) },
    { header: 'Member since', className: 'whitespace-nowrap', cell: (u) => <LocalDate iso={u.created_at} options={{ dateStyle: 'medium' }} /> },
    {
      header: 'Actions',
      hiddenHeader: true,
      cell: (u) => (u.deleted ? null : <UserActions id={u.id} name={u.name} role={u.role} active={u.active} self={u.id === currentUserId} labels={labels} />),
    },
  ];
}

export function UsersTable({ users, currentUserId, labels }: { users: UserPage['users']; currentUserId: string; labels: Record<UserRole, string> }) {
  return <DataTable caption="Users" columns={columnsFor(currentUserId, labels)} rows={users} rowKey={(u) => u.id} empty="No users match" />;
}
