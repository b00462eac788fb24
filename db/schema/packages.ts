import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { creditScope, timestamps } from './columns';
import { users } from './users';

// Class packages and credits (seed 000's ClassPackage and ClientCredit, seed
// 002's BookingPackage). Payments know a purchase only as a payable.
// The class scope enum and the creditScope columns live in columns.ts: credits.ts spreads them too.

export const classPackages = pgTable(
  'class_packages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    classCount: integer('class_count').notNull(),
    priceAmount: integer('price_amount').notNull(),
    currency: text('currency').notNull(),
    validityDays: integer('validity_days').notNull(),
    feeBps: integer('fee_bps').notNull(),
    // Retired packages stay for the credits already sold, but cannot be bought.
    active: boolean('active').notNull().default(true),
    ...creditScope,
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('class_packages_name_key').on(sql`lower(${t.name})`),
    check('class_packages_count_check', sql`${t.classCount} between 1 and 1000`),
    check('class_packages_price_check', sql`${t.priceAmount} > 0`),
    check('class_packages_validity_check', sql`${t.validityDays} between 1 and 3650`),
    check('class_packages_fee_check', sql`${t.feeBps} between 0 and 10000`),
    check('class_packages_currency_check', sql`${t.currency} ~ '^[a-z]{3}$'`),
  ],
);

export const purchaseStatus = pgEnum('package_purchase_status', ['pending', 'paid', 'failed', 'abandoned']);

/** One attempt to buy a package: the payable of its card payment, price fixed when it is made. */
export const packagePurchases = pgTable(
  'package_purchases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    packageId: uuid('package_id')
      .notNull()
      .references(() => classPackages.id, { onDelete: 'restrict' }),
    priceAmount: integer('price_amount').notNull(),
    currency: text('currency').notNull(),
    feeBps: integer('fee_bps').notNull(),
    feeAmount: integer('fee_amount').notNull(),
    // The package's terms when the purchase was opened: the credit is granted from these, whatever the package says by the time it is paid.
    classCount: integer('class_count').notNull(),
    validityDays: integer('validity_days').notNull(),
    ...creditScope,
    status: purchaseStatus('status').notNull().default('pending'),
    paymentRef: text('payment_ref'),
    ...timestamps,
  },
  (t) => [
    index('package_purchases_client_idx').on(t.clientId, t.createdAt),
    // One open purchase per client and package: asking again resumes it, never a second charge.
    uniqueIndex('package_purchases_one_open_key').on(t.clientId, t.packageId).where(sql`status in ('pending', 'failed')`),
  ],
);

export type ClassPackage = typeof classPackages.$inferSelect;
export type PackagePurchase = typeof packagePurchases.$inferSelect;
