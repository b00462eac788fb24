CREATE TABLE "mpesa_requests" (
	"checkout_request_id" text PRIMARY KEY NOT NULL,
	"merchant_request_id" text NOT NULL,
	"payment_id" text NOT NULL,
	"phone" text NOT NULL,
	"amount" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"result_code" integer,
	"result_desc" text,
	"receipt" text,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"callback_count" integer DEFAULT 0 NOT NULL,
	"last_queried_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mpesa_requests_status_check" CHECK ("mpesa_requests"."status" in ('pending', 'succeeded', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "provider" text DEFAULT 'card' NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "mpesa_phone" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "mpesa_receipt" text;--> statement-breakpoint
ALTER TABLE "mpesa_requests" ADD CONSTRAINT "mpesa_requests_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mpesa_requests_payment_idx" ON "mpesa_requests" USING btree ("payment_id","created_at");--> statement-breakpoint
CREATE INDEX "mpesa_requests_pending_idx" ON "mpesa_requests" USING btree ("created_at") WHERE status = 'pending';--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_provider_check" CHECK ("payments"."provider" in ('card', 'mpesa'));