import 'server-only';
import { getDb } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { endAllSessions } from '@/lib/auth';
import { upcomingBookingsOf, type BookingDto } from '@/lib/bookings';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/fields';
import { ensureProviderProfile } from '@/lib/schedule';
import { getSetting } from '@/lib/settings';
import {
  getAdminUser,
  lockAccount,
  lockAdminSeats,
  otherActiveAdmins,
  setAccountDisabled,
  setAccountName,
  setAccountRole,
  type AdminUserDto,
  type PublicUser,
  type UpdateUserBody,
} from '@/lib/users';

export interface ChangedUser {
  user: AdminUserDto;
  /** Their active bookings still to start (as client or practitioner), for the admin to cancel with refunds by policy. */
  upcoming_bookings: BookingDto[];
}

const LAST_ADMIN = 'This is the last active admin: make another user an admin first.';

/**
 * An admin's change to an account (PATCH /api/v1/users/:id and the users
 * page): role, activation, name, only what is sent. In one transaction with
 * its audit rows. Refused: anything that would leave no active admin (409,
 * nothing changes), then an admin's own role or deactivation (403).
 * Deactivating ends every browser session and bearer token at once; role
 * changes need nothing ended, as every request reads the role afresh.
 */
export async function changeUser(actor: PublicUser, id: string, input: UpdateUserBody): Promise<ChangedUser> {
  if (!isUuid(id)) throw new AppError('not_found', 'No such user.');
  const zone = input.role === 'provider' ? await getSetting('platform_time_zone') : 'UTC';
  const by = { id: actor.id, role: actor.role };
  await getDb().transaction(async (tx) => {
    if (input.role !== undefined || input.active === false) await lockAdminSeats(tx);
    const row = await lockAccount(tx, id);
    if (!row || row.deletedAt) throw new AppError('not_found', 'No such user.');
    const roleChanges = input.role !== undefined && input.role !== row.role;
    const deactivates = input.active === false && !row.disabledAt;
    const reactivates = input.active === true && row.disabledAt !== null;
    const losesAdmin = row.role === 'admin' && !row.disabledAt && ((roleChanges && input.role !== 'admin') || deactivates);
    if (losesAdmin && (await otherActiveAdmins(tx, id)) === 0) throw new AppError('conflict', LAST_ADMIN);
    if (id === actor.id && roleChanges) throw new AppError('forbidden', 'You cannot change your own role: ask another admin.');
    if (id === actor.id && deactivates) throw new AppError('forbidden', 'You cannot deactivate your own account: ask another admin.');

    if (roleChanges && input.role) {
      await setAccountRole(tx, id, input.role);
      const profile = input.role === 'provider' ? await ensureProviderProfile(tx, id, zone) : { created: false };
      await recordAudit(tx, by, {
        action: 'user.role_changed',
        subject_type: 'user',
        subject_id: id,
        before: { role: row.role },
        after: { role: input.role },
        note: profile.created ? 'Practitioner profile created.' : '',
      });
    }
    if (deactivates) {
      const at = now();
      await setAccountDisabled(tx, id, at);
      await endAllSessions(tx, id);
      await recordAudit(tx, by, { action: 'user.deactivated', subject_type: 'user', subject_id: id, before: { active: true }, after: { active: false, deactivated_at: at.toISOString() } });
    }
    if (reactivates) {
      await setAccountDisabled(tx, id, null);
      await recordAudit(tx, by, { action: 'user.reactivated', subject_type: 'user', subject_id: id, before: { active: false, deactivated_at: row.disabledAt?.toISOString() ?? null }, after: { active: true } });
    }
    if (input.name !== undefined && input.name !== row.name) {
      await setAccountName(tx, id, input.name);
      await recordAudit(tx, by, { action: 'user.renamed', subject_type: 'user', subject_id: id, before: { name: row.name }, after: { name: input.name } });
    }
  });
  const user = await getAdminUser(getDb(), id);
  if (!user) throw new AppError('not_found', 'No such user.');
  return { user, upcoming_bookings: await upcomingBookingsOf(id, now()) };
}
