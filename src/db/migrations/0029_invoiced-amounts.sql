CREATE TABLE "scheme_invoice_references" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"scheme_id" integer NOT NULL,
	"version" integer NOT NULL,
	"invoiced_on" date NOT NULL,
	"invoiced_pence" bigint,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "scheme_versions" ADD COLUMN "invoiced_pence" bigint;--> statement-breakpoint
ALTER TABLE "scheme_versions" ADD COLUMN "invoiced_delivered_pence" bigint;--> statement-breakpoint
ALTER TABLE "scheme_versions" ADD COLUMN "invoiced_fee_pence" bigint;--> statement-breakpoint
ALTER TABLE "scheme_versions" ADD COLUMN "paid_pence" bigint;--> statement-breakpoint
CREATE INDEX "scheme_invoice_references_reference_idx" ON "scheme_invoice_references" USING btree ("reference");