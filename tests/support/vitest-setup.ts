import { inject } from 'vitest';

// Lets tests call lib/ code directly against this run's database.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.AUTH_SECRET ??= 'integration-tests-never-sign-cookies-with-this';
