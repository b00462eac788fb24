-- A provider never has two overlapping 1:1 bookings: the database refuses the
-- second one (SQLSTATE 23P01), whatever the concurrency. Buffers are part of
-- blocked_range. Cancelled, expired, completed and no-show bookings free the time.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist (
  "provider_id" WITH =,
  "blocked_range" WITH &&
) WHERE ("kind" = 'session' AND "status" IN ('pending_payment', 'confirmed', 'in_progress'));
