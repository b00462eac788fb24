import 'server-only';

/**
 * A user's own account across the domains: the export of everything the app
 * holds on them, and deletion (erase or anonymise, keep what accounting needs).
 * Also an admin's changes to someone's account (role, activation, name).
 * Profile and password live in lib/users and lib/auth.
 */
export { deleteAccount, deletionBlocker, exportAccount } from './account';
export type { AccountExport } from './account';
export { changeUser } from './manage';
export type { ChangedUser } from './manage';
