-- drizzle-kit cannot name the old primary key; PostgreSQL named it policy_files_pkey (as drizzle-kit's own note asks, filled in by hand).
ALTER TABLE "policy_files" DROP CONSTRAINT "policy_files_pkey";--> statement-breakpoint
ALTER TABLE "policy_files" ADD COLUMN "id" serial PRIMARY KEY NOT NULL;--> statement-breakpoint
ALTER TABLE "policy_files" ADD COLUMN "version" text;--> statement-breakpoint
CREATE INDEX "policy_files_policy_idx" ON "policy_files" USING btree ("policy_id");
