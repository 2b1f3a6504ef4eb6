ALTER TABLE "plan_sections" ADD COLUMN "imported_values" jsonb;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD COLUMN "imported_ref" text;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD COLUMN "imported_occurrence" integer;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD COLUMN "imported_values" jsonb;
