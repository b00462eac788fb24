import { describe, expect, it } from 'vitest';
import { createBookingBody } from '@/lib/bookings/api-schemas';
import { fieldErrors } from '@/lib/fields';
import { buildOpenApiDocument } from '@/lib/openapi/document';

const id = '00000000-0000-4000-8000-000000000001';

function refused(body: unknown) {
  const result = createBookingBody.safeParse(body);
  expect(result.success).toBe(false);
  return result.success ? {} : fieldErrors(result.error);
}

describe('POST /api/v1/bookings body: a class seat or a 1:1 slot', () => {
  it('parses each shape to its own type', () => {
    expect(createBookingBody.parse({ class_id: id, pay_with: 'credit' })).toEqual({ class_id: id, pay_with: 'credit' });
    const slot = createBookingBody.parse({ session_type_id: id, provider_id: id, starts_at: '2030-01-01T10:00:00+01:00' });
    expect(slot).toEqual({ session_type_id: id, provider_id: id, starts_at: new Date('2030-01-01T09:00:00Z') });
  });

  it('says what is wrong in the shape that was meant, not "Invalid input"', () => {
    expect(refused({ class_id: 'class-1' })).toEqual({ class_id: ['class_id must be a valid id.'] });
    expect(refused({ class_id: id, seats: 2 })).toEqual({ seats: ['Unknown field.'] });
    expect(refused({ class_id: id, starts_at: '2030-01-01T10:00:00Z' })).toEqual({ starts_at: ['Unknown field.'] });
    expect(refused({ class_id: id, pay_with: 'cash' })).toEqual({ _: ['pay_with must be "card", "credit" or "mpesa".'] });
    expect(refused({ session_type_id: id, starts_at: '2030-01-01T10:00:00Z' })).toEqual({ _: ['provider_id must be an id.'] });
    expect(refused({ session_type_id: id, provider_id: id, starts_at: '2030-01-01T10:00:00' }).starts_at?.[0]).toMatch(/with an offset/);
    expect(refused({})).toEqual({ _: ['Give class_id, or session_type_id, provider_id and starts_at.'] });
    expect(refused({ class_id: 5, session_type_id: id })).toEqual({ _: ['Book either a class (class_id) or a 1:1 slot, not both.'] });
  });

  it('is described in the OpenAPI document as one object with both shapes', () => {
    const body = buildOpenApiDocument().paths['/api/v1/bookings']?.post?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(body?.properties ?? {}).sort()).toEqual(['class_id', 'pay_with', 'phone', 'provider_id', 'session_type_id', 'starts_at']);
    expect(body?.anyOf?.map((shape) => (typeof shape === 'object' ? shape.required : undefined))).toEqual([['class_id'], ['session_type_id', 'provider_id', 'starts_at']]);
  });
});
