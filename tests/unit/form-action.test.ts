import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { formActionWith, SIGNED_OUT } from '@/lib/http/form-answer';
import { FormInput, toFormFields } from '@/lib/http/form-input';
import { emptyFormState } from '@/lib/form-state';
import { formatBps, minorToDecimal } from '@/lib/money';
import type { PublicUser } from '@/lib/users/public-user';


function user(role: PublicUser['role']): PublicUser {
  return { id: '00000000-0000-4000-8000-000000000001', email: `${role}@x.test`, name: role, role, created_at: '2027-01-01T00:00:00.000Z' };
}

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

describe('FormInput: a form read as the API body', () => {
  it('gives text as typed, blanks as undefined where optional, and repeated inputs in order', () => {
    const input = new FormInput(form({ name: '  Ada ', empty: '   ', rows: ['09:00', '', '13:00'] }));
    expect(input.text('name')).toBe('  Ada ');
    expect(input.text('missing')).toBe('');
    expect(input.optional('empty')).toBeUndefined();
    expect(input.optional('name')).toBe('  Ada ');
    expect(input.all('rows')).toEqual(['09:00', '', '13:00']);
    expect(input.has('rows')).toBe(true);
  });

  it('reads whole numbers, and passes other text on for the schema to refuse', () => {
    const input = new FormInput(form({ a: '12', b: '-3', c: '1.5', d: '' }));
    expect(input.integer('a')).toBe(12);
    expect(input.integer('b')).toBe(-3);
    expect(input.integer('c')).toBe('1.5');
    expect(input.integer('d')).toBeUndefined();
    expect(input.problems).toEqual({});
  });

  it('reads amounts in the currency’s own digits, and an amount that does not parse is a problem on its input', () => {
    const input = new FormInput(form({ gbp: '12.5', pounds: '£60.00', shown: minorToDecimal(1234, 'kwd'), yen: '500', yenFraction: '12.5', words: 'ten', blank: '' }));
    expect(input.money('gbp', 'gbp')).toBe(1250);
    expect(input.money('shown', 'kwd')).toBe(1234);
    expect(input.money('pounds', 'gbp')).toBe(6000);
    expect(input.money('yen', 'jpy')).toBe(500);
    expect(input.money('blank', 'gbp')).toBeUndefined();
    expect(input.money('yenFraction', 'jpy')).toBeUndefined();
    expect(input.money('words', 'gbp')).toBeUndefined();
    expect(input.problems).toEqual({ yenFraction: ['Enter an amount like 1250.'], words: ['Enter an amount like 12.50.'] });
  });

  it('reads percentages as basis points, and a fee shown by formatBps reads back as it was', () => {
    const input = new FormInput(form({ fee: '15', half: '12.5', shown: formatBps(1234), tooMuch: '150' }));
    expect(input.percent('fee')).toBe(1500);
    expect(input.percent('half')).toBe(1250);
    expect(input.percent('shown')).toBe(1234);
    expect(input.percent('tooMuch')).toBeUndefined();
    expect(input.problems).toEqual({ tooMuch: ['Enter a percentage from 0 to 100, like 15 or 12.5.'] });
  });

  it('treats an id that is not one like a bad id in an API path: not found', () => {
    const id = '00000000-0000-4000-8000-00000000000a';
    expect(new FormInput(form({ booking_id: id })).id('booking_id', 'No such booking.')).toBe(id);
    expect(() => new FormInput(form({ booking_id: 'abc' })).id('booking_id', 'No such booking.')).toThrow(expect.objectContaining({ code: 'not_found', message: 'No such booking.' }));
  });
});

describe('toFormFields: API field paths as input names', () => {
  it('maps by the longest matching path, parents included, and leaves the rest as they are', () => {
    const names = { price: 'price', 'price.currency': 'currency', 'scope.class_ids': 'class_ids' };
    expect(
      toFormFields({ 'price.amount': ['Too large.'], 'price.currency': ['Not a currency.'], 'scope.class_ids.2': ['Not an id.'], 'scope.class_ids.5': ['Not an id either.'], name: ['Required.'] }, names),
    ).toEqual({ price: ['Too large.'], currency: ['Not a currency.'], class_ids: ['Not an id.', 'Not an id either.'], name: ['Required.'] });
  });
});

const body = z.strictObject({
  name: z.string().trim().min(1, 'Name is required.'),
  price: z.strictObject({ amount: z.number({ error: 'amount must be minor units.' }).int().positive('The price must be more than zero.'), currency: z.string() }),
});

describe('formActionWith (formAction\'s core): one wrapper for every server action', () => {
  const run = vi.fn();
  // Who is asking, as the session would say; formAction itself passes getCurrentUser.
  let signedInAs: PublicUser | null = null;
  const signInAs = (who: PublicUser | null) => void (signedInAs = who);
  const currentUser = async () => signedInAs;
  const action = formActionWith(
    currentUser,
    {
      access: ['admin'],
      schema: body,
      body: (input) => ({ name: input.text('name'), price: { amount: input.money('price', input.text('currency')), currency: input.text('currency') } }),
      fieldNames: { price: 'price' },
      messages: { name: 'Give the package a name.' },
      keep: ['name', 'price'],
    },
    async (ctx) => run(ctx),
  );

  beforeEach(() => {
    run.mockReset();
    signInAs(null);
  });

  it('refuses a visitor and other roles before reading anything', async () => {
    signInAs(null);
    expect(await action(emptyFormState, form({ name: 'A' }))).toEqual({ error: SIGNED_OUT, code: 'unauthorized', values: { name: 'A', price: '' } });
    signInAs(user('client'));
    expect((await action(emptyFormState, form({ name: 'A' }))).code).toBe('forbidden');
    expect(run).not.toHaveBeenCalled();
  });

  it('runs with the body as the schema outputs it, and marks a success with savedAt', async () => {
    signInAs(user('admin'));
    run.mockResolvedValue({ ok: 'Saved.' });
    const state = await action(emptyFormState, form({ name: ' Pass ', price: '60.00', currency: 'gbp' }));
    expect(run).toHaveBeenCalledWith(expect.objectContaining({ body: { name: 'Pass', price: { amount: 6000, currency: 'gbp' } }, user: user('admin') }));
    expect(state).toEqual({ ok: 'Saved.', savedAt: expect.any(Number) });
  });

  it('maps the schema’s findings to input names, in the form’s words, and gives back what was typed', async () => {
    signInAs(user('admin'));
    const state = await action(emptyFormState, form({ name: ' ', price: '0', currency: 'gbp' }));
    expect(state).toEqual({
      error: 'Please fix the fields marked below.',
      code: 'validation_failed',
      fields: { name: ['Give the package a name.'], price: ['The price must be more than zero.'] },
      values: { name: ' ', price: '0' },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('reports an amount that does not parse on its input, in place of the schema’s finding there', async () => {
    signInAs(user('admin'));
    const state = await action(emptyFormState, form({ name: 'Pass', price: '12.345', currency: 'gbp' }));
    expect(state.fields).toEqual({ price: ['Enter an amount like 12.50.'] });
    expect(state.code).toBe('validation_failed');
  });

  it('shows an AppError: its message, or with fields the form’s message and the fields by input name', async () => {
    signInAs(user('admin'));
    const valid = form({ name: 'Pass', price: '10', currency: 'gbp' });
    run.mockRejectedValueOnce(new AppError('credit_unavailable', 'You have no class credit that can pay for this booking.'));
    expect(await action(emptyFormState, valid)).toEqual({
      error: 'You have no class credit that can pay for this booking.',
      code: 'credit_unavailable',
      values: { name: 'Pass', price: '10' },
    });
    run.mockRejectedValueOnce(new AppError('conflict', 'A package with this name already exists.', { fields: { name: ['Taken.'], 'price.amount': ['Too much.'] } }));
    expect(await action(emptyFormState, valid)).toMatchObject({ error: 'Please fix the fields marked below.', code: 'conflict', fields: { name: ['Taken.'], price: ['Too much.'] } });
  });

  it('lets anything else through: Next’s redirect() and unexpected failures', async () => {
    signInAs(user('admin'));
    const redirect = Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;replace;/account;307;' });
    run.mockRejectedValueOnce(redirect);
    await expect(action(emptyFormState, form({ name: 'Pass', price: '10', currency: 'gbp' }))).rejects.toBe(redirect);
  });

  it('leaves the form message out when asked, and lets anyone in on a public form', async () => {
    signInAs(null);
    const signIn = formActionWith(
      currentUser,
      { access: 'public', schema: z.strictObject({ email: z.email('Enter a valid e-mail address.') }), body: (input) => ({ email: input.text('email') }), invalid: null },
      async ({ user: who }) => ({ ok: who === null ? 'Hello, visitor.' : 'Hello.' }),
    );
    expect(await signIn(emptyFormState, form({ email: 'nope' }))).toEqual({ code: 'validation_failed', fields: { email: ['Enter a valid e-mail address.'] } });
    expect((await signIn(emptyFormState, form({ email: 'a@b.test' }))).ok).toBe('Hello, visitor.');
  });
});
