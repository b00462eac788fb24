CREATE TABLE "owed_refunds" (
	"payment_id" text PRIMARY KEY NOT NULL,
	"payable_type" text NOT NULL,
	"payable_id" uuid NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"requested_by" uuid,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_attempt_at" timestamp with time zone,
	"refund_id" text,
	"settled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "package_purchases" ADD COLUMN "class_count" integer;--> statement-breakpoint
ALTER TABLE "package_purchases" ADD COLUMN "validity_days" integer;--> statement-breakpoint
ALTER TABLE "package_purchases" ADD COLUMN "class_scope" "package_class_scope" DEFAULT 'all' NOT NULL;--> statement-breakpoint
ALTER TABLE "package_purchases" ADD COLUMN "class_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "package_purchases" ADD COLUMN "session_type_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
-- Purchases made before the terms were kept on them take their package's terms as they are now.
UPDATE "package_purchases" AS pp SET "class_count" = cp."class_count", "validity_days" = cp."validity_days", "class_scope" = cp."class_scope", "class_ids" = cp."class_ids", "session_type_ids" = cp."session_type_ids" FROM "class_packages" AS cp WHERE cp."id" = pp."package_id";--> statement-breakpoint
ALTER TABLE "package_purchases" ALTER COLUMN "class_count" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "package_purchases" ALTER COLUMN "validity_days" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "owed_refunds" ADD CONSTRAINT "owed_refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owed_refunds" ADD CONSTRAINT "owed_refunds_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "owed_refunds_open_idx" ON "owed_refunds" USING btree ("created_at") WHERE settled_at is null;