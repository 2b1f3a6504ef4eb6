ALTER TABLE "fund_applications" ADD COLUMN "submitted_on" date;--> statement-breakpoint
-- Made the day it was recorded (in England), or by the day it was decided when that was given as earlier.
UPDATE "fund_applications" SET "submitted_on" = LEAST(("created_at" AT TIME ZONE 'Europe/London')::date, "decided_on");--> statement-breakpoint
ALTER TABLE "fund_applications" ALTER COLUMN "submitted_on" SET NOT NULL;
