-- Data only, so restoring a backup made before it can run it again (src/app/backup/backup.ts); each statement leaves rows it has already filled alone.
-- A task imported before plan lines kept the id they were imported with: that is the id its source row gives, numbered in file order where a plan uses it twice. What the file said of it is read from that row when the plan is next imported (src/app/programme/import-plan-lines.ts).
UPDATE "plan_tasks" t SET "imported_ref" = k.raw_id, "imported_occurrence" = k.occurrence
FROM (
  SELECT r.id, r.raw_id, row_number() OVER (PARTITION BY r.plan_id, r.raw_id ORDER BY r.source_line, r.id) AS occurrence
  FROM (
    SELECT p.id, p.plan_id, p.source_line, coalesce((
      SELECT trim(c.value) FROM jsonb_each_text(p.source_raw) c
      WHERE regexp_replace(lower(trim(c.key)), '[\s-]+', '_', 'g') IN ('id', 'ref', 'task_id') AND trim(c.value) <> ''
      ORDER BY array_position(ARRAY['id', 'ref', 'task_id'], regexp_replace(lower(trim(c.key)), '[\s-]+', '_', 'g')) LIMIT 1
    ), p.ref) AS raw_id
    FROM "plan_tasks" p WHERE p.source_line IS NOT NULL AND p.imported_ref IS NULL
  ) r
) k
WHERE t.id = k.id;--> statement-breakpoint
-- Closed before the day was kept: the day it was last changed (in England), the nearest record of it there is.
UPDATE "risks" SET "closed_on" = ("updated_at" AT TIME ZONE 'Europe/London')::date WHERE "status" = 'closed' AND "closed_on" IS NULL;--> statement-breakpoint
UPDATE "board_actions" SET "closed_on" = ("updated_at" AT TIME ZONE 'Europe/London')::date WHERE "status" = 'closed' AND "closed_on" IS NULL;
