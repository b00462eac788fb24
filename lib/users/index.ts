export { credentialsInput, registerInput } from './fields';
export type { CredentialsInput } from './fields';
export { publicUserFields, toPublicUser } from './public-user';
export type { PublicUser } from './public-user';
export { findUserRoleByEmail, listUsers } from './queries';
export type { UserPage } from './queries';
export { registerClient } from './register';
export type { UserRole } from '@/db/schema';
