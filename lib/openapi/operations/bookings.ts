import { z } from 'zod';
import { cancelBookingBody, createBookingBody, listBookingsQuery, rescheduleBody } from '@/lib/bookings';
import { apiModule } from '../registry';
import { booking, bookingPage, bookingSchemas, notice } from '../responses/bookings';
import { mpesaPayment, refund, startedPayment } from '../responses/payments';

const bookingBody = z.object({ booking });
const bookingId = 'The booking id.';

export const bookingsApi = apiModule({
  tags: [
    { name: 'Bookings', description: 'Class seats and 1:1 sessions, from booking to completion.' },
    { name: 'Notices', description: 'Messages for the signed-in user (a cancelled class, a seat from the waitlist).' },
  ],
  schemas: bookingSchemas,
  operations: [
    {
      method: 'get',
      path: '/api/v1/bookings',
      operationId: 'listBookings',
      summary: 'List bookings',
      description: 'A client\'s own, a provider\'s own, or (admin) everyone\'s.',
      access: 'user',
      query: listBookingsQuery,
      fields: {
        from: 'Bookings starting at or after this instant (ISO 8601 with an offset).',
        to: 'Bookings starting before this instant.',
        search: 'Providers and admins: part of the client\'s name or e-mail.',
        order: '`upcoming`: soonest start first; `latest` (the default): latest start first.',
      },
      response: { status: 200, description: 'One page of bookings.', schema: bookingPage },
    },
    {
      method: 'post',
      path: '/api/v1/bookings',
      operationId: 'createBooking',
      summary: 'Book a class seat or a 1:1 slot',
      description:
        'Send `{class_id}` for a seat in a class, or `{session_type_id, provider_id, starts_at}` for a 1:1 slot (a `starts_at` from GET /api/v1/providers/{id}/slots). ' +
        'The client needs a valid health questionnaire. A booking awaiting payment holds its seat for 15 minutes and comes with its card payment ' +
        '(`payment`, null when payments are off, with hosted Checkout, or when Stripe could not be reached: ask again with POST /api/v1/bookings/{id}/payment).',
      access: ['client'],
      body: createBookingBody,
      fields: {
        pay_with:
          '`card` (the default) starts a card payment; `credit` takes one use of the client\'s valid credit that covers it and expires first, and the booking is confirmed at once (`payment_status` credit_used); none -> 422 credit_unavailable; ' +
          '`mpesa` (a KES price) sends an M-Pesa STK Push to `phone`: a bad phone is a 400, a price not in whole KES 1 to 250,000 a 422, both before anything is booked.',
        phone: 'With pay_with `mpesa`: a Kenyan mobile number, 07…, 01…, +2547… or 2541….',
      },
      response: {
        status: 201,
        description: 'The booking, and its payment when one is due (`payment_error` when an M-Pesa prompt could not be sent: ask again with POST /api/v1/bookings/{id}/payment).',
        schema: z.object({
          booking,
          payment: z.union([startedPayment, mpesaPayment]).nullable(),
          payment_error: z.object({ code: z.string(), message: z.string() }).optional(),
        }),
      },
      errors: ['not_found', 'class_full', 'slot_taken', 'already_booked', 'questionnaire_required', 'questionnaire_needs_clearance', 'booking_closed', 'slot_unavailable', 'credit_unavailable'],
    },
    {
      method: 'get',
      path: '/api/v1/bookings/{id}',
      operationId: 'getBooking',
      summary: 'One booking',
      description: 'For its client, its provider and admins; a 404 for anyone else.',
      access: 'user',
      params: { id: bookingId },
      response: { status: 200, description: 'The booking.', schema: bookingBody },
    },
    {
      method: 'post',
      path: '/api/v1/bookings/{id}/cancel',
      operationId: 'cancelBooking',
      summary: 'Cancel a booking',
      description:
        'By its client, its provider or an admin. A client cancelling at least 24 hours (a setting) before the start is owed everything back; later, nothing. ' +
        'A provider or admin cancellation is always owed back in full. A card payment owed back is refunded at once (`refund`); ' +
        'when the payment provider does not take the refund at once, the cancellation still stands, `refund` is null and the refund is owed: ' +
        'the worker retries it with backoff until it is made, once, and admins see it meanwhile (`refund_owed` of the payment). ' +
        'a booking paid with a credit gets its use back on the credit it came from (`credit_returned`). ' +
        'The reason is optional for the client; a provider or admin must give one (400 without).',
      access: 'user',
      params: { id: bookingId },
      body: cancelBookingBody,
      response: {
        status: 200,
        description: 'The cancelled booking (`refund_due` per the policy), the refund made, if any, and the credit its use went back to, if any.',
        schema: z.object({
          booking,
          refund: refund.nullable(),
          credit_returned: z.object({ credit_id: z.uuid(), remaining_classes: z.int() }).nullable(),
        }),
      },
      errors: ['invalid_transition'],
    },
    {
      method: 'post',
      path: '/api/v1/bookings/{id}/reschedule',
      operationId: 'rescheduleBooking',
      summary: 'Move a booking',
      description:
        'Moves a confirmed class booking to another class (`class_id`) or a confirmed 1:1 booking to another time (`starts_at`): once, and for a client ' +
        'at least 24 hours (a setting) before the start. The old booking is cancelled; the new one keeps its payment.',
      access: ['client', 'admin'],
      params: { id: bookingId },
      body: rescheduleBody,
      response: { status: 201, description: 'The new booking.', schema: bookingBody },
      errors: ['reschedule_not_allowed', 'class_full', 'slot_taken', 'already_booked', 'booking_closed', 'slot_unavailable', 'questionnaire_required', 'questionnaire_needs_clearance'],
    },
    {
      method: 'post',
      path: '/api/v1/bookings/{id}/start',
      operationId: 'startBooking',
      summary: 'Start a session',
      description: 'A confirmed booking becomes `in_progress`, at most 15 minutes before its start. By the booking\'s provider or an admin.',
      access: ['provider', 'admin'],
      params: { id: bookingId },
      response: { status: 200, description: 'The booking, `in_progress`.', schema: bookingBody },
      errors: ['invalid_transition'],
    },
    {
      method: 'post',
      path: '/api/v1/bookings/{id}/complete',
      operationId: 'completeBooking',
      summary: 'Complete a session',
      description: 'An `in_progress` booking becomes `completed`. By the booking\'s provider or an admin.',
      access: ['provider', 'admin'],
      params: { id: bookingId },
      response: { status: 200, description: 'The booking, `completed`.', schema: bookingBody },
      errors: ['invalid_transition'],
    },
    {
      method: 'post',
      path: '/api/v1/bookings/{id}/no-show',
      operationId: 'markBookingNoShow',
      summary: 'Mark a client as not come',
      description: 'A confirmed booking whose start has passed becomes `no_show`. By the booking\'s provider or an admin.',
      access: ['provider', 'admin'],
      params: { id: bookingId },
      response: { status: 200, description: 'The booking, `no_show`.', schema: bookingBody },
      errors: ['invalid_transition'],
    },
    {
      method: 'get',
      path: '/api/v1/notices',
      operationId: 'listNotices',
      summary: 'Unread notices',
      tags: ['Notices'],
      description: 'The signed-in user\'s unread notices, newest first (at most 20).',
      access: 'user',
      response: { status: 200, description: 'The notices.', schema: z.object({ notices: z.array(notice) }) },
    },
    {
      method: 'post',
      path: '/api/v1/notices/{id}/read',
      operationId: 'markNoticeRead',
      summary: 'Mark a notice read',
      tags: ['Notices'],
      access: 'user',
      params: { id: 'The notice id.' },
      response: { status: 204, description: 'Marked read.' },
    },
  ],
});
