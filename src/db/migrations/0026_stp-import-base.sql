ALTER TABLE "stp_actions" ADD COLUMN "imported_values" jsonb;--> statement-breakpoint
ALTER TABLE "stp_deliverables" ADD COLUMN "imported_values" jsonb;--> statement-breakpoint
ALTER TABLE "stp_milestones" ADD COLUMN "imported_values" jsonb;--> statement-breakpoint
ALTER TABLE "stp_outcomes" ADD COLUMN "imported_values" jsonb;--> statement-breakpoint
-- A row imported before bases were kept was last imported as it is now: a re-import of the same files then still changes nothing.
UPDATE "stp_deliverables" SET "imported_values" = jsonb_build_object('kind', "kind", 'title', "title", 'owner', "owner");--> statement-breakpoint
UPDATE "stp_actions" SET "imported_values" = jsonb_build_object('title', "title", 'owners', "owners", 'note', "note");--> statement-breakpoint
UPDATE "stp_milestones" SET "imported_values" = jsonb_build_object('text', "text", 'note', "note") || CASE WHEN "rag" IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('rag', "rag") END;--> statement-breakpoint
UPDATE "stp_outcomes" SET "imported_values" = jsonb_build_object('descriptor', "descriptor", 'baseline', "baseline", 'target', "target", 'currentPosition', "current_position", 'positionDate', "position_date", 'note', "note");
