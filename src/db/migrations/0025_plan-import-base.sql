ALTER TABLE "plan_sections" ADD COLUMN "imported_values" jsonb;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD COLUMN "imported_ref" text;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD COLUMN "imported_occurrence" integer;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD COLUMN "imported_values" jsonb;--> statement-breakpoint
-- A task imported before bases were kept was last imported as its id and values are now: a re-import of the same file then still changes nothing.
UPDATE "plan_tasks" SET "imported_ref" = "ref", "imported_occurrence" = "ref_occurrence", "imported_values" = jsonb_build_object(
  'sectionId', "section_id", 'projectArea', "project_area", 'description', "description", 'allocatedTo', "allocated_to", 'lead', "lead", 'involved', "involved",
  'timeText', "time_text", 'targetStart', "target_start", 'targetDate', "target_date", 'dateFlag', "date_flag",
  'financialValueText', "financial_value_text", 'financialValuePence', "financial_value_pence", 'allocations', "allocations", 'note', "note"
)
  -- A status or RAG was the file's when its line gave one.
  || CASE WHEN EXISTS (SELECT 1 FROM jsonb_each_text("source_raw") c WHERE lower(trim(c.key)) = 'status' AND c.value <> '') THEN jsonb_build_object('status', "status") ELSE '{}'::jsonb END
  || CASE WHEN EXISTS (SELECT 1 FROM jsonb_each_text("source_raw") c WHERE lower(trim(c.key)) = 'rag' AND c.value <> '') THEN jsonb_build_object('rag', "rag") ELSE '{}'::jsonb END
  WHERE "source_line" IS NOT NULL;--> statement-breakpoint
UPDATE "plan_sections" SET "imported_values" = jsonb_build_object('title', "title");
