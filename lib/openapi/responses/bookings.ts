import { z } from 'zod';
import { bookingKind, bookingStatus, paymentStatus, paymentType, refundDue } from '@/db/schema';
import type { BookingDto, NoticeDto } from '@/lib/bookings';
import { describes } from '../registry';
import { id, instant, money, pageFields } from './common';

export const booking = describes<BookingDto>()(
  z.object({
    id,
    kind: z.enum(bookingKind.enumValues).describe('A seat in a class, or a 1:1 session.'),
    status: z.enum(bookingStatus.enumValues),
    payment_status: z.enum(paymentStatus.enumValues),
    payment_type: z.enum(paymentType.enumValues).nullable(),
    starts_at: instant,
    ends_at: instant,
    class: z.object({ id, title: z.string(), location: z.string().nullable(), online_url: z.string().nullable() }).nullable().describe('For a class booking.'),
    session_type: z.object({ id, name: z.string() }).nullable().describe('For a 1:1 booking.'),
    provider: z.object({ id, name: z.string() }),
    client: z.object({ id, name: z.string(), email: z.string() }),
    price: money,
    amount_due: money.describe('What is charged for this booking: the price, or a deposit.'),
    platform_fee: z.object({ amount: z.int(), currency: z.string(), bps: z.int().describe('Basis points of the price (1500 = 15%).') }),
    payable: z.object({ type: z.literal('booking'), id }).describe('How payments refer to this booking.'),
    hold_expires_at: instant.nullable().describe('While awaiting payment: when the held seat or slot is released.'),
    cancelled_at: instant.nullable(),
    cancel_reason: z.string().nullable(),
    cancelled_by: z.enum(['client', 'provider', 'admin']).nullable(),
    refund_due: z.enum(refundDue.enumValues).nullable().describe('Set on cancellation, by the cancellation policy.'),
    rescheduled_from_id: id.nullable(),
    rescheduled_to_id: id.nullable(),
    actual_start_at: instant.nullable(),
    actual_end_at: instant.nullable(),
    created_at: instant,
  }),
);

export const bookingPage = z.object({ bookings: z.array(booking), ...pageFields });

export const notice = describes<NoticeDto>()(
  z.object({
    id,
    kind: z.string().describe('Like "booking_cancelled", "class_cancelled".'),
    message: z.string(),
    link: z.string().nullable().describe('A page of the app, like "/account/bookings/{id}".'),
    created_at: instant,
    read: z.boolean(),
  }),
);

export const bookingSchemas = { Booking: booking, BookingPage: bookingPage, Notice: notice };
