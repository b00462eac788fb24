import { sql } from 'drizzle-orm';
import { customType, pgEnum, timestamp, uuid } from 'drizzle-orm/pg-core';

// Column helpers shared by the domain files. Kept here, apart from any table, so that two
// domain files can share a top-level value without importing each other.

/** A PostgreSQL tstzrange, written and read as its text form '[start,end)'. */
export const tstzrange = customType<{ data: string; driverData: string }>({
  dataType: () => 'tstzrange',
});

export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

// The class scope enum lives here, not in packages.ts, because creditScope below uses it and both
// packages.ts and credits.ts spread creditScope.
export const packageClassScope = pgEnum('package_class_scope', ['all', 'selected', 'none']);
export type PackageClassScope = (typeof packageClassScope.enumValues)[number];

/** What a package's credits can pay for; copied onto each credit when it is granted. */
export const creditScope = {
  // 'all' classes, the 'selected' ones (by class or series id), or 'none'.
  classScope: packageClassScope('class_scope').notNull().default('all'),
  // Class ids or series ids; a series id covers every class of the series.
  classIds: uuid('class_ids').array().notNull().default(sql`'{}'::uuid[]`),
  // 1:1 session types the credits also pay for.
  sessionTypeIds: uuid('session_type_ids').array().notNull().default(sql`'{}'::uuid[]`),
};
