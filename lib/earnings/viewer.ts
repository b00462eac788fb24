import { AppError } from '@/lib/errors';
import type { PublicUser } from '@/lib/users';

/** Whose earnings the caller asks for: a provider their own, an admin the provider named by `provider_id`; clients none. */
export function earningsOwner(user: PublicUser, providerId: string | undefined): string {
  if (user.role === 'provider') return user.id;
  if (user.role === 'admin') {
    if (!providerId) throw new AppError('validation_failed', 'Name the provider.', { fields: { provider_id: ['Required for admins.'] } });
    return providerId;
  }
  throw new AppError('forbidden', 'Only providers and admins see earnings.');
}
