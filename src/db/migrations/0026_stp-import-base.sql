ALTER TABLE "stp_actions" ADD COLUMN "imported_values" jsonb;--> statement-breakpoint
ALTER TABLE "stp_deliverables" ADD COLUMN "imported_values" jsonb;--> statement-breakpoint
ALTER TABLE "stp_milestones" ADD COLUMN "imported_values" jsonb;--> statement-breakpoint
ALTER TABLE "stp_outcomes" ADD COLUMN "imported_values" jsonb;
