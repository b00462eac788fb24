import { roleLabel } from '@/lib/auth';
import type { PublicUser } from '@/lib/users';
import { LocalDate } from './local-date';
import { Badge } from './ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from './ui/card';

export function ProfileCard({ user }: { user: PublicUser }) {
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between">
        <CardTitle>Profile</CardTitle>
        <Badge>{roleLabel[user.role]}</Badge>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-3 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-6">
          <dt className="text-muted-foreground">Name</dt>
          <dd className="font-medium">{user.name}</dd>
          <dt className="text-muted-foreground">E-mail</dt>
          <dd className="font-medium break-all">{user.email}</dd>
          <dt className="text-muted-foreground">Member since</dt>
          <dd className="font-medium">
            <LocalDate iso={user.created_at} />
          </dd>
        </dl>
      </CardContent>
    </Card>
  );
}
