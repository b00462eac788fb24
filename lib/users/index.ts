export {
  changePasswordInput,
  credentialsInput,
  deleteAccountInput,
  isTimeZone,
  passwordResetConfirmInput,
  passwordResetRequestInput,
  profileInput,
  registerInput,
} from './fields';
export type { ChangePasswordInput, CredentialsInput, PasswordResetConfirmInput, ProfileInput } from './fields';
export { anonymiseUser, bumpSessionEpoch, findPasswordHolder, getProfile, liveSessionEpoch, otherActiveAdmins, setPasswordHash, updateProfile } from './profile';
export type { ProfileDto } from './profile';
export { publicUserFields, toPublicUser } from './public-user';
export type { PublicUser } from './public-user';
export { findUserRoleByEmail, listUsers } from './queries';
export type { UserPage } from './queries';
export { registerClient } from './register';
export type { UserRole } from '@/db/schema';
