ALTER TABLE "board_actions" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "closed_on" date;--> statement-breakpoint
-- Closed before the day was kept: the day it was last changed (in England), the nearest record of it there is.
UPDATE "risks" SET "closed_on" = ("updated_at" AT TIME ZONE 'Europe/London')::date WHERE "status" = 'closed';--> statement-breakpoint
UPDATE "board_actions" SET "closed_on" = ("updated_at" AT TIME ZONE 'Europe/London')::date WHERE "status" = 'closed';
