ALTER TABLE "scheme_delivered" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "scheme_delivered" ADD COLUMN "sent_by" text;