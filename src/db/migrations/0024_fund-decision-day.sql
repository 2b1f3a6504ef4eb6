ALTER TABLE "fund_applications" ADD COLUMN "decided_on" date;--> statement-breakpoint
-- Decisions recorded before the day could be given were made the day they were recorded (in England).
UPDATE "fund_applications" SET "decided_on" = ("decided_at" AT TIME ZONE 'Europe/London')::date WHERE "decided_at" IS NOT NULL;
