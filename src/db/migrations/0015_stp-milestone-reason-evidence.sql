ALTER TABLE "stp_milestones" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "stp_milestones" ADD COLUMN "evidence" text;