export {
  changePasswordInput,
  listUsersQuery,
  updateUserBody,
  credentialsInput,
  deleteAccountInput,
  isTimeZone,
  passwordResetConfirmInput,
  passwordResetRequestInput,
  profileInput,
  registerInput,
} from './fields';
export type { ListUsersQuery, UpdateUserBody, ChangePasswordInput, CredentialsInput, PasswordResetConfirmInput, ProfileInput } from './fields';
export { anonymiseUser, bumpSessionEpoch, findPasswordHolder, getProfile, liveSessionEpoch, otherActiveAdmins, setPasswordHash, updateProfile } from './profile';
export type { ProfileDto } from './profile';
export { publicUserFields, toPublicUser } from './public-user';
export type { PublicUser } from './public-user';
export { findUserRoleByEmail, getAdminUser, listUsers } from './queries';
export type { AdminUserDto, UserPage } from './queries';
export { lockAccount, lockAdminSeats, setAccountDisabled, setAccountName, setAccountRole } from './admin';
export type { AccountRow } from './admin';
export { registerClient } from './register';
export type { UserRole } from '@/db/schema';
