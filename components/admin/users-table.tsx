import { DataTable, type Column } from '@/components/data-table';
import { LocalDate } from '@/components/local-date';
import { Badge } from '@/components/ui/badge';
import { roleLabel } from '@/lib/auth';
import type { UserPage } from '@/lib/users';

type UserRow = UserPage['users'][number];

const columns: readonly Column<UserRow>[] = [
  { header: 'Name', rowHeader: true, cell: (u) => u.name },
  { header: 'E-mail', className: 'break-all', cell: (u) => u.email },
  { header: 'Role', cell: (u) => <Badge variant="outline">{roleLabel[u.role]}</Badge> },
  { header: 'Status', cell: (u) => (u.disabled ? <Badge variant="destructive">Disabled</Badge> : <Badge>Active</Badge>) },
  { header: 'Member since', className: 'whitespace-nowrap', cell: (u) => <LocalDate iso={u.created_at} options={{ dateStyle: 'medium' }} /> },
];

export function UsersTable({ users }: { users: UserPage['users'] }) {
  return <DataTable caption="Users" columns={columns} rows={users} rowKey={(u) => u.id} empty="No users match" />;
}
