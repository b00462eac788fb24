export { decryptJson, encryptJson } from './field-encryption';
export { burnPasswordCheck, hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from './password';
