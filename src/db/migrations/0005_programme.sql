CREATE TABLE "plan_sections" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"ref" text NOT NULL,
	"title" text NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"section_id" integer NOT NULL,
	"ref" text NOT NULL,
	"ref_occurrence" integer DEFAULT 1 NOT NULL,
	"duplicate_ref" boolean DEFAULT false NOT NULL,
	"project_area" text,
	"description" text NOT NULL,
	"allocated_to" text,
	"lead" text,
	"involved" text,
	"time_text" text,
	"target_start" date,
	"target_date" date,
	"date_flag" text,
	"status" text DEFAULT 'not_started' NOT NULL,
	"rag" text,
	"financial_value_text" text,
	"financial_value_pence" bigint,
	"allocations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"source_line" integer,
	"source_raw" jsonb,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stp_actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"deliverable_id" integer NOT NULL,
	"ref" text NOT NULL,
	"title" text NOT NULL,
	"owners" text,
	"note" text,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stp_actions_ref_unique" UNIQUE("ref")
);
--> statement-breakpoint
CREATE TABLE "stp_deliverables" (
	"id" serial PRIMARY KEY NOT NULL,
	"ref" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"owner" text,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stp_deliverables_ref_unique" UNIQUE("ref")
);
--> statement-breakpoint
CREATE TABLE "stp_milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"deliverable_id" integer NOT NULL,
	"action_refs" text NOT NULL,
	"period" text NOT NULL,
	"text" text NOT NULL,
	"rag" text,
	"note" text,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stp_outcomes" (
	"id" serial PRIMARY KEY NOT NULL,
	"deliverable_id" integer NOT NULL,
	"work_area" text NOT NULL,
	"descriptor" text NOT NULL,
	"baseline" text,
	"target" text,
	"current_position" text,
	"position_date" date,
	"note" text,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_position_updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"entry_date" date NOT NULL,
	"sequence" integer NOT NULL,
	"text" text NOT NULL,
	"source" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"source_file" text,
	"as_of" date,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_plans_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "plan_sections_plan_ref_key" ON "plan_sections" USING btree ("plan_id","ref");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_tasks_plan_ref_key" ON "plan_tasks" USING btree ("plan_id","ref","ref_occurrence");--> statement-breakpoint
CREATE INDEX "plan_tasks_section_idx" ON "plan_tasks" USING btree ("section_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stp_milestones_row_period_key" ON "stp_milestones" USING btree ("action_refs","period");--> statement-breakpoint
CREATE UNIQUE INDEX "stp_outcomes_deliverable_area_key" ON "stp_outcomes" USING btree ("deliverable_id","work_area");--> statement-breakpoint
CREATE UNIQUE INDEX "task_position_updates_task_sequence_key" ON "task_position_updates" USING btree ("task_id","sequence");