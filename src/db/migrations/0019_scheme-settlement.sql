ALTER TABLE "scheme_versions" ADD COLUMN "invoiced_on" date;--> statement-breakpoint
ALTER TABLE "scheme_versions" ADD COLUMN "invoice_reference" text;--> statement-breakpoint
ALTER TABLE "scheme_versions" ADD COLUMN "paid_on" date;--> statement-breakpoint
ALTER TABLE "scheme_versions" ADD COLUMN "payment_reference" text;