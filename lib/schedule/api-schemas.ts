import { z } from 'zod';
import { instantField, uuidField } from '@/lib/fields';
import { localDateField } from './fields';

/** GET /api/v1/classes */
export const listClassesQuery = z.strictObject({
  // ISO 8601 instants; default now -> now + 14 days; at most 62 days apart.
  from: instantField('From').optional(),
  to: instantField('To').optional(),
  provider_id: uuidField('Practitioner').optional(),
});

/** GET /api/v1/providers/:id/slots */
export const slotsQuery = z.strictObject({
  // Required: which of the practitioner's session types (its duration and buffer shape the slots).
  session_type_id: uuidField('Session type'),
  // ISO 8601 instants; default now -> now + 14 days; at most 62 days apart.
  from: instantField('From').optional(),
  to: instantField('To').optional(),
});

/** GET /api/v1/availability */
export const availabilityQuery = z.strictObject({
  // Admins only (required for them): whose availability.
  provider_id: uuidField('Practitioner').optional(),
});

/** GET /api/v1/availability/exceptions */
export const listExceptionsQuery = z.strictObject({
  // Admins only (required for them): whose exceptions.
  provider_id: uuidField('Practitioner').optional(),
  // Local date (YYYY-MM-DD); default yesterday in the practitioner's zone.
  from: localDateField.optional(),
});

/** GET /api/v1/session-types */
export const listSessionTypesQuery = z.strictObject({
  // Admins only (required for them): whose session types.
  provider_id: uuidField('Practitioner').optional(),
});
