import { inject } from 'vitest';
import { TEST_QUESTIONNAIRE_KEY } from './test-keys';

// Lets tests call lib/ code directly against this run's database.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.AUTH_SECRET ??= 'integration-tests-never-sign-cookies-with-this';
process.env.QUESTIONNAIRE_KEY ??= TEST_QUESTIONNAIRE_KEY;
