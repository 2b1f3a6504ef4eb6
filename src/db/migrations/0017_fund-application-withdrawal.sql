ALTER TABLE "fund_applications" ADD COLUMN "withdrawn_by" text;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD COLUMN "withdrawn_at" timestamp with time zone;