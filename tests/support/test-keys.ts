/**
 * The test stack's questionnaire key, in a module of its own: every
 * integration file's setup reads it, and importing the stack for it would
 * load the seed, both emulators and the mail catcher into each file.
 */
export const TEST_QUESTIONNAIRE_KEY = Buffer.alloc(32, 7).toString('base64');
