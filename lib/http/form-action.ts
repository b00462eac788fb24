import 'server-only';
import type { z } from 'zod';
import { getCurrentUser } from '@/lib/auth';
import type { FormState } from '@/lib/form-state';
import { formActionWith, type Access, type FormActionOptions, type Run } from './form-answer';

export { FormInput } from './form-input';
export { SIGNED_OUT, type FormActionOptions } from './form-answer';

/**
 * The one helper for server actions: checks the signed-in user's role, reads
 * the form into the API route's body and parses it with that route's schema,
 * runs the same lib/ function as the route, and answers one FormState with
 * per-field errors. See formActionWith for the whole contract.
 */
export function formAction<A extends Access, S extends z.ZodType | undefined = undefined, D = never>(
  options: FormActionOptions<A, S>,
  run: Run<A, S, D>,
): (prev: FormState<D>, form: FormData) => Promise<FormState<D>> {
  return formActionWith(getCurrentUser, options, run);
}
