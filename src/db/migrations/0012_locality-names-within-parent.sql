DROP INDEX "practice_groups_name_key";--> statement-breakpoint
CREATE UNIQUE INDEX "practice_groups_name_key" ON "practice_groups" USING btree ("kind",coalesce("parent_id", 0),"name");