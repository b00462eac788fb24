CREATE TYPE "public"."earning_cause" AS ENUM('payment', 'credit', 'refund', 'delivery', 'payout', 'payout_failed', 'clawback', 'reschedule');--> statement-breakpoint
CREATE TYPE "public"."earning_kind" AS ENUM('earning', 'clawback');--> statement-breakpoint
CREATE TYPE "public"."earning_state" AS ENUM('pending', 'available', 'paid_out', 'reversed');--> statement-breakpoint
CREATE TYPE "public"."payout_method" AS ENUM('stripe', 'manual');--> statement-breakpoint
CREATE TYPE "public"."payout_status" AS ENUM('pending', 'paid', 'failed');--> statement-breakpoint
CREATE TABLE "connect_accounts" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"stripe_account_id" text NOT NULL,
	"charges_enabled" boolean DEFAULT false NOT NULL,
	"payouts_enabled" boolean DEFAULT false NOT NULL,
	"details_submitted" boolean DEFAULT false NOT NULL,
	"requirements_due" text[] DEFAULT '{}' NOT NULL,
	"last_payout_id" text,
	"last_payout_status" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connect_accounts_stripe_account_id_unique" UNIQUE("stripe_account_id")
);
--> statement-breakpoint
CREATE TABLE "stripe_transfers" (
	"id" text PRIMARY KEY NOT NULL,
	"payout_id" uuid NOT NULL,
	"destination" text NOT NULL,
	"amount" integer NOT NULL,
	"amount_reversed" integer DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stripe_transfers_payout_id_unique" UNIQUE("payout_id")
);
--> statement-breakpoint
CREATE TABLE "earning_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"line_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"state" "earning_state" NOT NULL,
	"cause" "earning_cause" NOT NULL,
	"cause_key" text NOT NULL,
	"amount" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "earning_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"kind" "earning_kind" DEFAULT 'earning' NOT NULL,
	"booking_id" uuid,
	"paid_booking_id" uuid,
	"payment_id" text,
	"credit_id" uuid,
	"complimentary" boolean DEFAULT false NOT NULL,
	"clawback_of" uuid,
	"refund_key" integer,
	"currency" text NOT NULL,
	"state" "earning_state" NOT NULL,
	"paid_gross" integer NOT NULL,
	"paid_fee" integer NOT NULL,
	"paid_net" integer NOT NULL,
	"gross" integer NOT NULL,
	"fee" integer NOT NULL,
	"net" integer NOT NULL,
	"refunded" integer DEFAULT 0 NOT NULL,
	"delivered_at" timestamp with time zone,
	"payout_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "earning_lines_split_check" CHECK ("earning_lines"."gross" = "earning_lines"."fee" + "earning_lines"."net" and "earning_lines"."paid_gross" = "earning_lines"."paid_fee" + "earning_lines"."paid_net"),
	CONSTRAINT "earning_lines_payout_check" CHECK (("earning_lines"."state" = 'paid_out') = ("earning_lines"."payout_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "earning_totals" (
	"provider_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"state" "earning_state" NOT NULL,
	"amount" integer DEFAULT 0 NOT NULL,
	"lines" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "earning_totals_provider_id_currency_state_pk" PRIMARY KEY("provider_id","currency","state")
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"amount" integer NOT NULL,
	"method" "payout_method" NOT NULL,
	"status" "payout_status" DEFAULT 'pending' NOT NULL,
	"reference" text,
	"stripe_transfer_id" text,
	"failure_reason" text,
	"created_by" uuid,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payouts_amount_check" CHECK ("payouts"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "classes" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "connect_accounts" ADD CONSTRAINT "connect_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "earning_entries" ADD CONSTRAINT "earning_entries_line_id_earning_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."earning_lines"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "earning_lines" ADD CONSTRAINT "earning_lines_provider_id_users_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "earning_lines" ADD CONSTRAINT "earning_lines_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "earning_lines" ADD CONSTRAINT "earning_lines_payout_id_payouts_id_fk" FOREIGN KEY ("payout_id") REFERENCES "public"."payouts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_provider_id_users_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "earning_entries_cause_key" ON "earning_entries" USING btree ("line_id","cause_key","state");--> statement-breakpoint
CREATE INDEX "earning_entries_provider_idx" ON "earning_entries" USING btree ("provider_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "earning_lines_booking_key" ON "earning_lines" USING btree ("booking_id") WHERE kind = 'earning';--> statement-breakpoint
CREATE UNIQUE INDEX "earning_lines_clawback_key" ON "earning_lines" USING btree ("clawback_of","refund_key") WHERE kind = 'clawback';--> statement-breakpoint
CREATE INDEX "earning_lines_provider_idx" ON "earning_lines" USING btree ("provider_id","created_at");--> statement-breakpoint
CREATE INDEX "earning_lines_provider_state_idx" ON "earning_lines" USING btree ("provider_id","state","currency");--> statement-breakpoint
CREATE INDEX "earning_lines_payout_idx" ON "earning_lines" USING btree ("payout_id");--> statement-breakpoint
CREATE INDEX "earning_lines_paid_booking_idx" ON "earning_lines" USING btree ("paid_booking_id");--> statement-breakpoint
CREATE INDEX "payouts_provider_idx" ON "payouts" USING btree ("provider_id","created_at");--> statement-breakpoint
ALTER TABLE "provider_profiles" DROP COLUMN "stripe_account_id";