import type { z } from 'zod';
import type { UserRole } from '@/db/schema';
import type { PublicUser } from '@/lib/users';
import { isAppError, type AppError, type FieldErrors } from '@/lib/errors';
import { FormInput, toFormFields } from './form-input';
import type { FormState } from '@/lib/form-state';
import { fieldErrors } from '@/lib/fields';

export { FormInput } from './form-input';

/** Who may submit: anyone, any signed-in user, or users of these roles (as apiRoute has it). */
export type Access = 'public' | 'user' | readonly UserRole[];

type UserFor<A extends Access> = A extends 'public' ? PublicUser | null : PublicUser;

type BodyOf<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface FormActionOptions<A extends Access, S extends z.ZodType | undefined> {
  access: A;
  /** The body schema of the /api/v1 route that does the same. */
  schema?: S;
  /** The form as that route's JSON body, before the schema; may look things up (a zone, a currency) and throw an AppError. */
  body?: (input: FormInput, user: UserFor<A>) => unknown;
  /** API field paths as the form names its inputs (`price.amount` -> `price`); see toFormFields. */
  fieldNames?: Readonly<Record<string, string>>;
  /** The form's own wording for an input the schema refuses, in place of the API's (which names JSON fields), by input name. */
  messages?: Readonly<Record<string, string>>;
  /** Inputs whose text is given back (as `values`) with every answer that is not a success. */
  keep?: readonly string[];
  /** The message above per-field messages; null for none. */
  invalid?: string | null;
}

/** What the action does once the form is read and allowed: the same lib/ call as the API route, and the answer. */
export type Run<A extends Access, S, D> = (ctx: { user: UserFor<A>; body: BodyOf<S>; input: FormInput }) => Promise<FormState<D>>;

export const SIGNED_OUT = 'Your session has ended or you do not have access. Sign in again.';
const FIX_FIELDS = 'Please fix the fields marked below.';

/**
 * The form-action helper's core, given who is asking (formAction passes the
 * signed-in user of the session). Wraps a server action once: checks who is submitting, reads the form into
 * the API route's body and parses it with that route's schema, runs the same
 * lib/ function (in `run`), and maps an AppError or a zod failure to the
 * form's fields. Anything else is rethrown: Next's redirect() and notFound()
 * travel as exceptions, and an unexpected failure belongs on the error page.
 * A success (`ok`) carries `savedAt`; any other answer the `keep` inputs as `values`.
 *
 *   export const cancelBookingAction = formAction(
 *     { access: 'user', schema: cancelBody, body: (input) => ({ reason: input.text('reason') }) },
 *     async ({ user, body, input }) => {
 *       await cancelBookingAndSettle(input.text('booking_id'), user, body.reason);
 *       return { ok: 'Booking cancelled.' };
 *     },
 *   );
 */
export function formActionWith<A extends Access, S extends z.ZodType | undefined = undefined, D = never>(
  currentUser: () => Promise<PublicUser | null>,
  options: FormActionOptions<A, S>,
  run: Run<A, S, D>,
): (prev: FormState<D>, form: FormData) => Promise<FormState<D>> {
  return async (_prev, form) => {
    const input = new FormInput(form);
    const answer = await answerFor(currentUser, options, run, input);
    if (answer.ok) return answer.savedAt === undefined ? { ...answer, savedAt: Date.now() } : answer;
    return options.keep?.length ? { values: input.values(options.keep), ...answer } : answer;
  };
}

async function answerFor<A extends Access, S extends z.ZodType | undefined, D>(
  currentUser: () => Promise<PublicUser | null>,
  options: FormActionOptions<A, S>,
  run: Run<A, S, D>,
  input: FormInput,
): Promise<FormState<D>> {
  const user = await currentUser();
  const { access } = options;
  if (access !== 'public' && (!user || (access !== 'user' && !access.includes(user.role)))) {
    return { error: SIGNED_OUT, code: user ? 'forbidden' : 'unauthorized' };
  }
  // The check above is what UserFor<A> says.
  const caller = user as UserFor<A>;
  try {
    const raw = options.body ? await options.body(input, caller) : undefined;
    const parsed = options.schema?.safeParse(raw);
    const refused = parsed && !parsed.success ? reworded(toFormFields(fieldErrors(parsed.error), options.fieldNames), options.messages) : {};
    const fields = { ...refused, ...input.problems };
    if (Object.keys(fields).length) return invalid(fields, options);
    return await run({ user: caller, body: parsed?.data as BodyOf<S>, input });
  } catch (err) {
    if (!isAppError(err)) throw err;
    return failure(err, options);
  }
}

function reworded(fields: FieldErrors, messages: Readonly<Record<string, string>> = {}): FieldErrors {
  for (const [name, message] of Object.entries(messages)) if (fields[name]) fields[name] = [message];
  return fields;
}

function invalid(fields: FieldErrors, options: Pick<FormActionOptions<Access, undefined>, 'invalid'>): FormState<never> {
  const message = options.invalid === undefined ? FIX_FIELDS : options.invalid;
  return { ...(message === null ? {} : { error: message }), code: 'validation_failed', fields };
}

/** An AppError as the form shows it: with fields, next to its inputs (under the form's message); else its own message. */
function failure(err: AppError, options: Pick<FormActionOptions<Access, undefined>, 'fieldNames' | 'invalid'>): FormState<never> {
  if (!err.fields) return { error: err.message, code: err.code };
  return { ...invalid(toFormFields(err.fields, options.fieldNames), options), code: err.code };
}
