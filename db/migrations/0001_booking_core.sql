CREATE TYPE "public"."booking_kind" AS ENUM('class', 'session');--> statement-breakpoint
CREATE TYPE "public"."booking_status" AS ENUM('pending_payment', 'confirmed', 'in_progress', 'completed', 'cancelled', 'expired', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('unpaid', 'pending', 'paid', 'failed', 'refunded', 'partially_refunded', 'credit_used');--> statement-breakpoint
CREATE TYPE "public"."payment_type" AS ENUM('single', 'package', 'credit');--> statement-breakpoint
CREATE TYPE "public"."refund_due" AS ENUM('none', 'full');--> statement-breakpoint
CREATE TABLE "availability_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" time,
	"end_time" time,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "availability_exceptions_times_check" CHECK (("availability_exceptions"."start_time" is null and "availability_exceptions"."end_time" is null) or ("availability_exceptions"."start_time" is not null and "availability_exceptions"."end_time" is not null and "availability_exceptions"."start_time" < "availability_exceptions"."end_time"))
);
--> statement-breakpoint
CREATE TABLE "availability_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "availability_rules_weekday_check" CHECK ("availability_rules"."weekday" between 1 and 7),
	CONSTRAINT "availability_rules_order_check" CHECK ("availability_rules"."start_time" < "availability_rules"."end_time")
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "booking_kind" NOT NULL,
	"client_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"class_id" uuid,
	"session_type_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"blocked_range" "tstzrange",
	"status" "booking_status" NOT NULL,
	"payment_status" "payment_status" DEFAULT 'unpaid' NOT NULL,
	"payment_type" "payment_type",
	"price_amount" integer NOT NULL,
	"amount_due" integer NOT NULL,
	"currency" text NOT NULL,
	"fee_bps" integer NOT NULL,
	"fee_amount" integer NOT NULL,
	"hold_expires_at" timestamp with time zone,
	"payment_ref" text,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancel_reason" text,
	"refund_due" "refund_due",
	"rescheduled_from_id" uuid,
	"rescheduled_to_id" uuid,
	"actual_start_at" timestamp with time zone,
	"actual_end_at" timestamp with time zone,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_kind_check" CHECK (("bookings"."kind" = 'class' and "bookings"."class_id" is not null and "bookings"."session_type_id" is null) or ("bookings"."kind" = 'session' and "bookings"."session_type_id" is not null and "bookings"."class_id" is null and "bookings"."blocked_range" is not null)),
	CONSTRAINT "bookings_time_check" CHECK ("bookings"."starts_at" < "bookings"."ends_at"),
	CONSTRAINT "bookings_amount_check" CHECK ("bookings"."amount_due" >= 0 and "bookings"."amount_due" <= "bookings"."price_amount" and "bookings"."fee_amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "classes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"series_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"capacity" integer NOT NULL,
	"seats_taken" integer DEFAULT 0 NOT NULL,
	"price_amount" integer NOT NULL,
	"currency" text NOT NULL,
	"fee_bps" integer NOT NULL,
	"location" text,
	"online_url" text,
	"cancelled_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "classes_capacity_check" CHECK ("classes"."capacity" between 1 and 1000),
	CONSTRAINT "classes_seats_check" CHECK ("classes"."seats_taken" between 0 and "classes"."capacity"),
	CONSTRAINT "classes_duration_check" CHECK ("classes"."duration_minutes" between 5 and 480),
	CONSTRAINT "classes_price_check" CHECK ("classes"."price_amount" >= 0),
	CONSTRAINT "classes_fee_check" CHECK ("classes"."fee_bps" between 0 and 10000),
	CONSTRAINT "classes_currency_check" CHECK ("classes"."currency" ~ '^[a-z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"answers_encrypted" text NOT NULL,
	"question_set_version" integer NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"requires_clearance" boolean NOT NULL,
	"cleared_at" timestamp with time zone,
	"cleared_by" uuid,
	"clearance_note_encrypted" text,
	"superseded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"duration_minutes" integer NOT NULL,
	"buffer_minutes" integer DEFAULT 0 NOT NULL,
	"price_amount" integer NOT NULL,
	"currency" text NOT NULL,
	"fee_bps" integer NOT NULL,
	"deposit_amount" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_types_duration_check" CHECK ("session_types"."duration_minutes" between 5 and 480),
	CONSTRAINT "session_types_buffer_check" CHECK ("session_types"."buffer_minutes" between 0 and 240),
	CONSTRAINT "session_types_price_check" CHECK ("session_types"."price_amount" >= 0),
	CONSTRAINT "session_types_fee_check" CHECK ("session_types"."fee_bps" between 0 and 10000),
	CONSTRAINT "session_types_deposit_check" CHECK ("session_types"."deposit_amount" is null or ("session_types"."deposit_amount" > 0 and "session_types"."deposit_amount" <= "session_types"."price_amount")),
	CONSTRAINT "session_types_currency_check" CHECK ("session_types"."currency" ~ '^[a-z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "waitlist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"promoted_booking_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "availability_exceptions" ADD CONSTRAINT "availability_exceptions_provider_id_users_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_rules" ADD CONSTRAINT "availability_rules_provider_id_users_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_provider_id_users_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_session_type_id_session_types_id_fk" FOREIGN KEY ("session_type_id") REFERENCES "public"."session_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_provider_id_users_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_cleared_by_users_id_fk" FOREIGN KEY ("cleared_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_types" ADD CONSTRAINT "session_types_provider_id_users_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_promoted_booking_id_bookings_id_fk" FOREIGN KEY ("promoted_booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "availability_exceptions_provider_date_idx" ON "availability_exceptions" USING btree ("provider_id","date");--> statement-breakpoint
CREATE INDEX "availability_rules_provider_idx" ON "availability_rules" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "bookings_client_idx" ON "bookings" USING btree ("client_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_provider_idx" ON "bookings" USING btree ("provider_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_class_idx" ON "bookings" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "bookings_hold_idx" ON "bookings" USING btree ("hold_expires_at") WHERE status = 'pending_payment';--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_one_active_per_class_key" ON "bookings" USING btree ("class_id","client_id") WHERE class_id is not null and status in ('pending_payment', 'confirmed', 'in_progress');--> statement-breakpoint
CREATE INDEX "classes_starts_at_idx" ON "classes" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "classes_provider_idx" ON "classes" USING btree ("provider_id","starts_at");--> statement-breakpoint
CREATE INDEX "notices_user_idx" ON "notices" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "questionnaires_user_idx" ON "questionnaires" USING btree ("user_id","completed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaires_one_current_key" ON "questionnaires" USING btree ("user_id") WHERE superseded_at is null;--> statement-breakpoint
CREATE INDEX "session_types_provider_idx" ON "session_types" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "waitlist_entries_class_idx" ON "waitlist_entries" USING btree ("class_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_entries_one_waiting_key" ON "waitlist_entries" USING btree ("class_id","client_id") WHERE status = 'waiting';