CREATE TYPE "public"."credit_entry_kind" AS ENUM('grant', 'use', 'return', 'expire', 'adjust', 'revoke');--> statement-breakpoint
CREATE TYPE "public"."credit_source" AS ENUM('purchase', 'admin', 'integration');--> statement-breakpoint
CREATE TYPE "public"."package_class_scope" AS ENUM('all', 'selected', 'none');--> statement-breakpoint
CREATE TYPE "public"."package_purchase_status" AS ENUM('pending', 'paid', 'failed', 'abandoned');--> statement-breakpoint
CREATE TABLE "api_key_calls" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"api_key_id" uuid,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"status" integer NOT NULL,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "class_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"class_count" integer NOT NULL,
	"price_amount" integer NOT NULL,
	"currency" text NOT NULL,
	"validity_days" integer NOT NULL,
	"fee_bps" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"class_scope" "package_class_scope" DEFAULT 'all' NOT NULL,
	"class_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"session_type_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "class_packages_count_check" CHECK ("class_packages"."class_count" between 1 and 1000),
	CONSTRAINT "class_packages_price_check" CHECK ("class_packages"."price_amount" > 0),
	CONSTRAINT "class_packages_validity_check" CHECK ("class_packages"."validity_days" between 1 and 3650),
	CONSTRAINT "class_packages_fee_check" CHECK ("class_packages"."fee_bps" between 0 and 10000),
	CONSTRAINT "class_packages_currency_check" CHECK ("class_packages"."currency" ~ '^[a-z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "credit_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"credit_id" uuid NOT NULL,
	"kind" "credit_entry_kind" NOT NULL,
	"delta" integer NOT NULL,
	"booking_id" uuid,
	"actor_id" uuid,
	"api_key_id" uuid,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_entries_delta_check" CHECK ("credit_entries"."delta" <> 0)
);
--> statement-breakpoint
CREATE TABLE "credits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"package_id" uuid,
	"purchase_id" uuid,
	"source" "credit_source" NOT NULL,
	"package_name" text NOT NULL,
	"total_uses" integer NOT NULL,
	"remaining_uses" integer NOT NULL,
	"payment_id" text,
	"amount_paid" integer DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"fee_bps" integer DEFAULT 0 NOT NULL,
	"purchased_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"expired_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"class_scope" "package_class_scope" DEFAULT 'all' NOT NULL,
	"class_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"session_type_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credits_remaining_check" CHECK ("credits"."remaining_uses" >= 0),
	CONSTRAINT "credits_total_check" CHECK ("credits"."total_uses" >= 0),
	CONSTRAINT "credits_amount_check" CHECK ("credits"."amount_paid" >= 0)
);
--> statement-breakpoint
CREATE TABLE "package_purchases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"package_id" uuid NOT NULL,
	"price_amount" integer NOT NULL,
	"currency" text NOT NULL,
	"fee_bps" integer NOT NULL,
	"fee_amount" integer NOT NULL,
	"status" "package_purchase_status" DEFAULT 'pending' NOT NULL,
	"payment_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_key_calls" ADD CONSTRAINT "api_key_calls_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_packages" ADD CONSTRAINT "class_packages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_entries" ADD CONSTRAINT "credit_entries_credit_id_credits_id_fk" FOREIGN KEY ("credit_id") REFERENCES "public"."credits"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_entries" ADD CONSTRAINT "credit_entries_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_entries" ADD CONSTRAINT "credit_entries_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_entries" ADD CONSTRAINT "credit_entries_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credits" ADD CONSTRAINT "credits_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credits" ADD CONSTRAINT "credits_package_id_class_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."class_packages"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credits" ADD CONSTRAINT "credits_purchase_id_package_purchases_id_fk" FOREIGN KEY ("purchase_id") REFERENCES "public"."package_purchases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_purchases" ADD CONSTRAINT "package_purchases_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_purchases" ADD CONSTRAINT "package_purchases_package_id_class_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."class_packages"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_key_calls_key_idx" ON "api_key_calls" USING btree ("api_key_id","created_at");--> statement-breakpoint
CREATE INDEX "api_key_calls_created_idx" ON "api_key_calls" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "class_packages_name_key" ON "class_packages" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "credit_entries_credit_idx" ON "credit_entries" USING btree ("credit_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_entries_one_use_key" ON "credit_entries" USING btree ("booking_id") WHERE kind = 'use';--> statement-breakpoint
CREATE UNIQUE INDEX "credit_entries_one_return_key" ON "credit_entries" USING btree ("booking_id") WHERE kind = 'return';--> statement-breakpoint
CREATE UNIQUE INDEX "credit_entries_one_grant_key" ON "credit_entries" USING btree ("credit_id") WHERE kind = 'grant';--> statement-breakpoint
CREATE INDEX "credits_client_idx" ON "credits" USING btree ("client_id","expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "credits_payment_key" ON "credits" USING btree ("payment_id") WHERE payment_id is not null;--> statement-breakpoint
CREATE INDEX "credits_expiry_idx" ON "credits" USING btree ("expires_at") WHERE remaining_uses > 0;--> statement-breakpoint
CREATE INDEX "package_purchases_client_idx" ON "package_purchases" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "package_purchases_one_open_key" ON "package_purchases" USING btree ("client_id","package_id") WHERE status in ('pending', 'failed');