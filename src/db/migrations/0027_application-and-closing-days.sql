ALTER TABLE "board_actions" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD COLUMN "submitted_on" date;