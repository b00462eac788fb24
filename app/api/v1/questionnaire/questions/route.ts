import { apiRoute } from '@/lib/http';
import { questionSet } from '@/lib/questionnaire';

// GET /api/v1/questionnaire/questions -> {version, questions, emergency_contact_fields, consent_text}
// Public: the questions are no secret, and a client can read them before signing up.
export const GET = apiRoute({ access: 'public' }, async () => questionSet());
