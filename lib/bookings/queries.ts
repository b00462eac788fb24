import 'server-only';
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type DbOrTx } from '@/db/client';
import { bookings, classes, sessionTypes, users, type BookingStatus } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { PublicUser } from '@/lib/users';
import { toBookingDto, type BookingDto, type BookingRow } from './dto';
import { ACTIVE_STATUSES } from './rules';
import { containsPattern } from '@/lib/fields';

const clientUser = alias(users, 'client_user');
const providerUser = alias(users, 'provider_user');

function selectBookings(db: DbOrTx) {
  return db
    .select({
      booking: bookings,
      classTitle: classes.title,
      classLocation: classes.location,
      classOnlineUrl: classes.onlineUrl,
      sessionTypeName: sessionTypes.name,
      providerName: providerUser.name,
      clientName: clientUser.name,
      clientEmail: clientUser.email,
    })
    .from(bookings)
    .innerJoin(clientUser, eq(clientUser.id, bookings.clientId))
    .innerJoin(providerUser, eq(providerUser.id, bookings.providerId))
    .leftJoin(classes, eq(classes.id, bookings.classId))
    .leftJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId));
}

/** Who may see a booking: its client, its provider, and admins. */
function visibleTo(viewer: PublicUser): SQL | undefined {
  if (viewer.role === 'admin') return undefined;
  return viewer.role === 'provider' ? eq(bookings.providerId, viewer.id) : eq(bookings.clientId, viewer.id);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One booking for someone involved, else 404 — another client's booking does not leak its existence. */
export async function getBookingFor(id: string, viewer: PublicUser, db: DbOrTx = getDb()): Promise<BookingDto> {
  const row = await findBookingRow(id, viewer, db);
  if (!row) throw new AppError('not_found', 'No such booking.');
  return toBookingDto(row);
}

export async function findBookingRow(id: string, viewer: PublicUser, db: DbOrTx = getDb()): Promise<BookingRow | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await selectBookings(db)
    .where(and(eq(bookings.id, id), visibleTo(viewer)))
    .limit(1);
  return row;
}

/** The client's active booking in a class, if any. */
export async function activeClassBooking(client: PublicUser, classId: string): Promise<BookingDto | null> {
  const [row] = await selectBookings(getDb())
    .where(and(eq(bookings.clientId, client.id), eq(bookings.classId, classId), inArray(bookings.status, [...ACTIVE_STATUSES])))
    .limit(1);
  return row ? toBookingDto(row) : null;
}

export interface BookingFilters {
  status?: BookingStatus;
  /** Any of these statuses (the provider's Upcoming / Past / Cancelled tabs). */
  statuses?: readonly BookingStatus[];
  classId?: string;
  providerId?: string;
  clientId?: string;
  kind?: 'class' | 'session';
  from?: Date;
  to?: Date;
  /** Client name or e-mail (admins and providers). */
  search?: string;
  /** upcoming: soonest first; past or all: latest first. */
  order?: 'upcoming' | 'latest';
  page: number;
  pageSize: number;
}

export async function listBookings(viewer: PublicUser, filters: BookingFilters): Promise<{ bookings: BookingDto[]; total: number; page: number; page_size: number }> {
  const where: (SQL | undefined)[] = [visibleTo(viewer)];
  if (filters.status) where.push(eq(bookings.status, filters.status));
  if (filters.statuses) where.push(inArray(bookings.status, [...filters.statuses]));
  if (filters.classId) where.push(eq(bookings.classId, filters.classId));
  if (filters.providerId) where.push(eq(bookings.providerId, filters.providerId));
  if (filters.clientId) where.push(eq(bookings.clientId, filters.clientId));
  if (filters.kind) where.push(eq(bookings.kind, filters.kind));
  if (filters.from) where.push(gte(bookings.startsAt, filters.from));
  if (filters.to) where.push(lt(bookings.startsAt, filters.to));
  const search = filters.search?.trim();
  if (search && viewer.role !== 'client') {
    const pattern = containsPattern(search);
    where.push(or(ilike(clientUser.name, pattern), ilike(clientUser.email, pattern)));
  }
  const condition = and(...where);
  const db = getDb();
  const [rows, [total]] = await Promise.all([
    selectBookings(db)
      .where(condition)
      .orderBy(filters.order === 'upcoming' ? asc(bookings.startsAt) : desc(bookings.startsAt))
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    db
      .select({ n: count() })
      .from(bookings)
      .innerJoin(clientUser, eq(clientUser.id, bookings.clientId))
      .where(condition),
  ]);
  return { bookings: rows.map(toBookingDto), total: total?.n ?? 0, page: filters.page, page_size: filters.pageSize };
}

/**
 * A user's active bookings still to start, as client or as practitioner,
 * soonest first: what an admin reviews (and may cancel) after deactivating them.
 */
export async function upcomingBookingsOf(userId: string, at: Date, limit = 100): Promise<BookingDto[]> {
  const rows = await selectBookings(getDb())
    .where(and(or(eq(bookings.clientId, userId), eq(bookings.providerId, userId)), inArray(bookings.status, [...ACTIVE_STATUSES]), gte(bookings.startsAt, at)))
    .orderBy(asc(bookings.startsAt))
    .limit(limit);
  return rows.map(toBookingDto);
}
