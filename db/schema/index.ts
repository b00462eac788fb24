// The database schema, one file per domain. Import from '@/db/schema' (this file), not from a
// domain file: db/client.ts hands this whole module to drizzle, and drizzle-kit reads the folder.
// columns.ts is private to the folder, all but the class scope enum that packages and credits share.
export { packageClassScope, type PackageClassScope } from './columns';
export * from './users';
export * from './auth';
export * from './settings';
export * from './questionnaire';
export * from './schedule';
export * from './bookings';
export * from './payments';
export * from './packages';
export * from './credits';
export * from './integration';
export * from './earnings';
export * from './connect';
export * from './mail';
export * from './audit';
export * from './reports';
