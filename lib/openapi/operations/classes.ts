import { z } from 'zod';
import { cancelBody } from '@/lib/bookings';
import { listClassesQuery, createClassesInput, updateClassInput } from '@/lib/schedule';
import { apiModule } from '../registry';
import { classSchema } from '../responses/schedule';

const classId = 'The class id.';
const classList = z.object({ classes: z.array(classSchema) });
const range = {
  from: 'ISO 8601 instant with an offset; default now. Classes starting at or after it.',
  to: 'Default `from` + 14 days; at most 62 days after `from`.',
};

export const classesApi = apiModule({
  tags: [{ name: 'Classes', description: 'Group classes with a capacity, and their waitlists.' }],
  operations: [
    {
      method: 'get',
      path: '/api/v1/classes',
      operationId: 'listClasses',
      summary: 'Upcoming classes',
      description: 'Classes starting in [from, to), by start; cancelled ones are left out.',
      access: 'public',
      query: listClassesQuery,
      fields: { ...range, provider_id: 'Only this provider\'s classes.' },
      response: { status: 200, description: 'The classes.', schema: classList },
    },
    {
      method: 'post',
      path: '/api/v1/classes',
      operationId: 'createClasses',
      summary: 'Schedule a class, or a weekly series',
      description:
        'Providers schedule their own classes; admins name the provider (`provider_id`). With `repeat.weeks`, that many classes a week apart at the same local time ' +
        'in the provider\'s zone. Only admins may set `fee_bps`.',
      access: ['admin', 'provider'],
      body: createClassesInput,
      fields: {
        provider_id: 'Admins: required, whose class it is. Providers: omit it, or send their own id.',
        starts_at: 'ISO 8601 with an offset; in the future, at most 730 days ahead.',
        price: '`{amount, currency}`: amount in minor units (0 for a free class); currency defaults to the default_currency setting.',
        fee_bps: 'Admins only: the platform fee in basis points; defaults to the platform_fee_bps setting.',
        location: 'A location or an online link (or both) is required.',
        repeat: '`{weeks}`: how many classes in all, 1 to 52.',
      },
      response: { status: 201, description: 'The classes made, by start.', schema: classList },
      errors: ['not_found'],
    },
    {
      method: 'get',
      path: '/api/v1/classes/{id}',
      operationId: 'getClass',
      summary: 'One class',
      description: 'Cancelled ones too, with `cancelled: true`.',
      access: 'public',
      params: { id: classId },
      response: { status: 200, description: 'The class.', schema: z.object({ class: classSchema }) },
    },
    {
      method: 'patch',
      path: '/api/v1/classes/{id}',
      operationId: 'updateClass',
      summary: 'Change a class',
      description:
        'By its provider (another provider\'s class is a 404) or an admin, before it starts. The bookings still held move with a new start or length, and their clients get a notice.',
      access: ['provider', 'admin'],
      params: { id: classId },
      body: updateClassInput,
      fields: {
        starts_at: 'ISO 8601 with an offset; in the future.',
        capacity: 'Never below the seats already booked (409 `conflict` on `capacity`).',
        price: 'Only while no one has paid for a seat, by card or with a credit (409 `conflict` on `price`).',
      },
      response: { status: 200, description: 'The class as it is now.', schema: z.object({ class: classSchema }) },
      errors: ['conflict', 'invalid_transition'],
    },
    {
      method: 'post',
      path: '/api/v1/classes/{id}/cancel',
      operationId: 'cancelClass',
      summary: 'Cancel a class',
      description: 'By its provider (another provider\'s class is a 404) or an admin. Every active booking in it is cancelled and owed back in full, its waitlist closed, and each client notified.',
      access: ['provider', 'admin'],
      params: { id: classId },
      body: cancelBody,
      response: {
        status: 200,
        description: 'How many bookings were cancelled, how many card payments were refunded at once (a refund the provider did not take is owed and retried by the worker) and how many credit uses returned.',
        schema: z.object({ cancelled_bookings: z.int(), refunds: z.int(), credits_returned: z.int() }),
      },
      errors: ['invalid_transition'],
    },
    {
      method: 'post',
      path: '/api/v1/classes/{id}/complete',
      operationId: 'completeClass',
      summary: 'Complete a class that has ended',
      description: 'By its provider (another provider\'s class is a 404) or an admin, once it has started. Its confirmed bookings are completed, so their earnings become available.',
      access: ['provider', 'admin'],
      params: { id: classId },
      response: { status: 200, description: 'How many bookings were completed.', schema: z.object({ completed_bookings: z.int() }) },
      errors: ['invalid_transition'],
    },
    {
      method: 'post',
      path: '/api/v1/classes/{id}/waitlist',
      operationId: 'joinWaitlist',
      summary: 'Join the waitlist of a full class',
      description: 'A freed seat goes to the first client waiting, as a booking awaiting payment (or confirmed, for a free class), with a notice.',
      access: ['client'],
      params: { id: classId },
      response: { status: 201, description: 'The client\'s place in the queue (1 = next).', schema: z.object({ position: z.int() }) },
      errors: ['booking_closed', 'conflict', 'already_booked', 'already_waitlisted', 'questionnaire_required', 'questionnaire_needs_clearance'],
    },
    {
      method: 'delete',
      path: '/api/v1/classes/{id}/waitlist',
      operationId: 'leaveWaitlist',
      summary: 'Leave the waitlist',
      access: ['client'],
      params: { id: classId },
      response: { status: 204, description: 'Left.' },
    },
  ],
});
