CREATE TABLE "report_daily" (
	"zone" text NOT NULL,
	"day" date NOT NULL,
	"currency" text NOT NULL,
	"provider_id" uuid NOT NULL,
	"gross" bigint DEFAULT 0 NOT NULL,
	"refunds" bigint DEFAULT 0 NOT NULL,
	"platform_fees" bigint DEFAULT 0 NOT NULL,
	"provider_share" bigint DEFAULT 0 NOT NULL,
	"payments_succeeded" integer DEFAULT 0 NOT NULL,
	"payments_failed" integer DEFAULT 0 NOT NULL,
	"bookings_confirmed" integer DEFAULT 0 NOT NULL,
	"bookings_cancelled" integer DEFAULT 0 NOT NULL,
	"bookings_completed" integer DEFAULT 0 NOT NULL,
	"bookings_no_show" integer DEFAULT 0 NOT NULL,
	"class_seats" integer DEFAULT 0 NOT NULL,
	"class_capacity" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_daily_zone_day_currency_provider_id_pk" PRIMARY KEY("zone","day","currency","provider_id")
);
--> statement-breakpoint
CREATE TABLE "report_first_charges" (
	"user_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"provider_id" uuid NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_first_charges_user_id_currency_pk" PRIMARY KEY("user_id","currency")
);
--> statement-breakpoint
CREATE TABLE "report_zones" (
	"zone" text PRIMARY KEY NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "report_first_charges_first_idx" ON "report_first_charges" USING btree ("first_at");--> statement-breakpoint
CREATE INDEX "credit_entries_kind_created_idx" ON "credit_entries" USING btree ("kind","created_at");--> statement-breakpoint
CREATE INDEX "credits_purchased_idx" ON "credits" USING btree ("purchased_at");--> statement-breakpoint
-- The analytics rollups follow their sources in the same transaction (issue 14): a ledger row adds its
-- money to its day, a booking's change moves its count from one status to another, a payment's failure and
-- a class's capacity count while they stand.
CREATE FUNCTION "report_ledger_row"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  charge boolean := NEW.type <> 'refund';
  who uuid;
  provider uuid;
BEGIN
  SELECT p.user_id, coalesce(p.provider_id, '00000000-0000-0000-0000-000000000000') INTO who, provider FROM payments p WHERE p.id = NEW.payment_id;
  INSERT INTO report_daily AS r (zone, day, currency, provider_id, gross, refunds, platform_fees, provider_share, payments_succeeded)
  SELECT z.zone, (NEW.created_at AT TIME ZONE z.zone)::date, NEW.currency, provider,
         CASE WHEN charge THEN NEW.gross ELSE 0 END, CASE WHEN charge THEN 0 ELSE -NEW.gross END, NEW.fee, NEW.net, CASE WHEN charge THEN 1 ELSE 0 END
  FROM report_zones z
  ON CONFLICT (zone, day, currency, provider_id) DO UPDATE SET
    gross = r.gross + excluded.gross, refunds = r.refunds + excluded.refunds, platform_fees = r.platform_fees + excluded.platform_fees,
    provider_share = r.provider_share + excluded.provider_share, payments_succeeded = r.payments_succeeded + excluded.payments_succeeded;
  IF charge THEN
    INSERT INTO report_first_charges AS f (user_id, currency, provider_id, first_at) VALUES (who, NEW.currency, provider, NEW.created_at)
    ON CONFLICT (user_id, currency) DO UPDATE SET first_at = excluded.first_at, provider_id = excluded.provider_id WHERE excluded.first_at < f.first_at;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "report_ledger_row" AFTER INSERT ON "payment_transactions" FOR EACH ROW EXECUTE FUNCTION "report_ledger_row"();--> statement-breakpoint
-- A booking counts on the day it starts: confirmed once it went ahead or will (confirmed, in progress,
-- completed, no-show), cancelled, and among those delivered completed or no-show; a class booking that
-- went ahead takes a seat.
CREATE FUNCTION "report_booking_add"(b bookings, sign integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_daily AS r (zone, day, currency, provider_id, bookings_confirmed, bookings_cancelled, bookings_completed, bookings_no_show, class_seats)
  SELECT z.zone, (b.starts_at AT TIME ZONE z.zone)::date, b.currency, b.provider_id,
         sign * (b.status IN ('confirmed', 'in_progress', 'completed', 'no_show'))::int,
         sign * (b.status = 'cancelled')::int,
         sign * (b.status = 'completed')::int,
         sign * (b.status = 'no_show')::int,
         sign * (b.kind = 'class' AND b.status IN ('confirmed', 'in_progress', 'completed', 'no_show'))::int
  FROM report_zones z
  WHERE b.status IN ('confirmed', 'in_progress', 'completed', 'no_show', 'cancelled')
  ON CONFLICT (zone, day, currency, provider_id) DO UPDATE SET
    bookings_confirmed = r.bookings_confirmed + excluded.bookings_confirmed, bookings_cancelled = r.bookings_cancelled + excluded.bookings_cancelled,
    bookings_completed = r.bookings_completed + excluded.bookings_completed, bookings_no_show = r.bookings_no_show + excluded.bookings_no_show,
    class_seats = r.class_seats + excluded.class_seats;
$$;--> statement-breakpoint
CREATE FUNCTION "report_booking_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.starts_at = NEW.starts_at AND OLD.provider_id = NEW.provider_id
     AND OLD.currency = NEW.currency AND OLD.kind = NEW.kind THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM report_booking_add(OLD, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM report_booking_add(NEW, 1); END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "report_booking_row" AFTER INSERT OR UPDATE OR DELETE ON "bookings" FOR EACH ROW EXECUTE FUNCTION "report_booking_row"();--> statement-breakpoint
-- A payment counts as failed on the day it was started, while its status is failed.
CREATE FUNCTION "report_payment_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.status = 'failed') = (NEW.status = 'failed') AND OLD.created_at = NEW.created_at
     AND OLD.currency = NEW.currency AND OLD.provider_id IS NOT DISTINCT FROM NEW.provider_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'failed' THEN
    INSERT INTO report_daily AS r (zone, day, currency, provider_id, payments_failed)
    SELECT z.zone, (OLD.created_at AT TIME ZONE z.zone)::date, OLD.currency, coalesce(OLD.provider_id, '00000000-0000-0000-0000-000000000000'), -1 FROM report_zones z
    ON CONFLICT (zone, day, currency, provider_id) DO UPDATE SET payments_failed = r.payments_failed + excluded.payments_failed;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status = 'failed' THEN
    INSERT INTO report_daily AS r (zone, day, currency, provider_id, payments_failed)
    SELECT z.zone, (NEW.created_at AT TIME ZONE z.zone)::date, NEW.currency, coalesce(NEW.provider_id, '00000000-0000-0000-0000-000000000000'), 1 FROM report_zones z
    ON CONFLICT (zone, day, currency, provider_id) DO UPDATE SET payments_failed = r.payments_failed + excluded.payments_failed;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "report_payment_row" AFTER INSERT OR UPDATE OR DELETE ON "payments" FOR EACH ROW EXECUTE FUNCTION "report_payment_row"();--> statement-breakpoint
-- A class not cancelled offers its capacity on the day it starts.
CREATE FUNCTION "report_class_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.capacity = NEW.capacity AND OLD.starts_at = NEW.starts_at AND (OLD.cancelled_at IS NULL) = (NEW.cancelled_at IS NULL)
     AND OLD.currency = NEW.currency AND OLD.provider_id = NEW.provider_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.cancelled_at IS NULL THEN
    INSERT INTO report_daily AS r (zone, day, currency, provider_id, class_capacity)
    SELECT z.zone, (OLD.starts_at AT TIME ZONE z.zone)::date, OLD.currency, OLD.provider_id, -OLD.capacity FROM report_zones z
    ON CONFLICT (zone, day, currency, provider_id) DO UPDATE SET class_capacity = r.class_capacity + excluded.class_capacity;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.cancelled_at IS NULL THEN
    INSERT INTO report_daily AS r (zone, day, currency, provider_id, class_capacity)
    SELECT z.zone, (NEW.starts_at AT TIME ZONE z.zone)::date, NEW.currency, NEW.provider_id, NEW.capacity FROM report_zones z
    ON CONFLICT (zone, day, currency, provider_id) DO UPDATE SET class_capacity = r.class_capacity + excluded.class_capacity;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "report_class_row" AFTER INSERT OR UPDATE OR DELETE ON "classes" FOR EACH ROW EXECUTE FUNCTION "report_class_row"();--> statement-breakpoint
-- A zone's days from the sources, once (the platform zone changed, or at first), in place of the old zone's.
-- Writes to the ledger and bookings wait meanwhile, then their triggers keep the new zone.
CREATE FUNCTION "report_build_zone"(z text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE payment_transactions, payments, bookings, classes IN SHARE MODE;
  INSERT INTO report_zones (zone) VALUES (z) ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN RETURN; END IF;
  -- Only the zone in use is kept: the triggers then write each change once.
  DELETE FROM report_zones WHERE zone <> z;
  DELETE FROM report_daily WHERE zone <> z;
  INSERT INTO report_daily (zone, day, currency, provider_id, gross, refunds, platform_fees, provider_share, payments_succeeded)
  SELECT z, (t.created_at AT TIME ZONE z)::date, t.currency, coalesce(p.provider_id, '00000000-0000-0000-0000-000000000000'),
         coalesce(sum(t.gross) FILTER (WHERE t.type <> 'refund'), 0), coalesce(-sum(t.gross) FILTER (WHERE t.type = 'refund'), 0),
         sum(t.fee), sum(t.net), count(*) FILTER (WHERE t.type <> 'refund')
  FROM payment_transactions t JOIN payments p ON p.id = t.payment_id
  GROUP BY 1, 2, 3, 4;
  INSERT INTO report_daily AS r (zone, day, currency, provider_id, bookings_confirmed, bookings_cancelled, bookings_completed, bookings_no_show, class_seats)
  SELECT z, (b.starts_at AT TIME ZONE z)::date, b.currency, b.provider_id,
         count(*) FILTER (WHERE b.status IN ('confirmed', 'in_progress', 'completed', 'no_show')),
         count(*) FILTER (WHERE b.status = 'cancelled'),
         count(*) FILTER (WHERE b.status = 'completed'),
         count(*) FILTER (WHERE b.status = 'no_show'),
         count(*) FILTER (WHERE b.kind = 'class' AND b.status IN ('confirmed', 'in_progress', 'completed', 'no_show'))
  FROM bookings b
  WHERE b.status IN ('confirmed', 'in_progress', 'completed', 'no_show', 'cancelled')
  GROUP BY 1, 2, 3, 4
  ON CONFLICT (zone, day, currency, provider_id) DO UPDATE SET
    bookings_confirmed = excluded.bookings_confirmed, bookings_cancelled = excluded.bookings_cancelled,
    bookings_completed = excluded.bookings_completed, bookings_no_show = excluded.bookings_no_show, class_seats = excluded.class_seats;
  INSERT INTO report_daily AS r (zone, day, currency, provider_id, payments_failed)
  SELECT z, (p.created_at AT TIME ZONE z)::date, p.currency, coalesce(p.provider_id, '00000000-0000-0000-0000-000000000000'), count(*)
  FROM payments p WHERE p.status = 'failed'
  GROUP BY 1, 2, 3, 4
  ON CONFLICT (zone, day, currency, provider_id) DO UPDATE SET payments_failed = excluded.payments_failed;
  INSERT INTO report_daily AS r (zone, day, currency, provider_id, class_capacity)
  SELECT z, (c.starts_at AT TIME ZONE z)::date, c.currency, c.provider_id, sum(c.capacity)
  FROM classes c WHERE c.cancelled_at IS NULL
  GROUP BY 1, 2, 3, 4
  ON CONFLICT (zone, day, currency, provider_id) DO UPDATE SET class_capacity = excluded.class_capacity;
END;
$$;--> statement-breakpoint
INSERT INTO report_first_charges (user_id, currency, provider_id, first_at)
SELECT DISTINCT ON (p.user_id, t.currency) p.user_id, t.currency, coalesce(p.provider_id, '00000000-0000-0000-0000-000000000000'), t.created_at
FROM payment_transactions t JOIN payments p ON p.id = t.payment_id
WHERE t.type <> 'refund'
ORDER BY p.user_id, t.currency, t.created_at, t.id;--> statement-breakpoint
SELECT report_build_zone(coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'platform_time_zone'), 'Europe/London'));
