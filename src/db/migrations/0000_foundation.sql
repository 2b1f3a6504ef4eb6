CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_label" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"summary" text
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_practices" (
	"user_id" integer NOT NULL,
	"practice_code" text NOT NULL,
	CONSTRAINT "user_practices_user_id_practice_code_pk" PRIMARY KEY("user_id","practice_code")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "group_memberships" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" integer NOT NULL,
	"practice_code" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" integer,
	"commissioner_code" text,
	"description" text,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"file_name" text,
	"status" text NOT NULL,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"message" text,
	"result" jsonb,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "list_sizes" (
	"ods_code" text NOT NULL,
	"snapshot_date" date NOT NULL,
	"patients" integer NOT NULL,
	"commissioner_code" text,
	"job_id" text,
	CONSTRAINT "list_sizes_ods_code_snapshot_date_pk" PRIMARY KEY("ods_code","snapshot_date")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"parent_code" text,
	"open_date" date,
	"close_date" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pcn_memberships" (
	"id" serial PRIMARY KEY NOT NULL,
	"practice_code" text NOT NULL,
	"pcn_code" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ods_code" text NOT NULL,
	"valid_from" date NOT NULL,
	"changed_fields" jsonb NOT NULL,
	"snapshot" jsonb NOT NULL,
	"job_id" text
);
--> statement-breakpoint
CREATE TABLE "practices" (
	"ods_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"local_name" text,
	"postcode" text,
	"address" text,
	"status" text NOT NULL,
	"status_raw" text NOT NULL,
	"prescribing_setting" text NOT NULL,
	"is_gp_practice" boolean NOT NULL,
	"national_grouping" text,
	"high_level_geography" text,
	"commissioner_code" text,
	"provider_code" text,
	"open_date" date,
	"close_date" date,
	"join_parent_date" date,
	"left_parent_date" date,
	"phone" text,
	"pcn_code" text,
	"icb_code" text,
	"supplier" text,
	"notes" text,
	"source_date" date,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_record_idx" ON "audit_log" USING btree ("record_type","record_id");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "group_memberships_key" ON "group_memberships" USING btree ("group_id","practice_code","start_date");--> statement-breakpoint
CREATE INDEX "group_memberships_practice_idx" ON "group_memberships" USING btree ("practice_code");--> statement-breakpoint
CREATE UNIQUE INDEX "practice_groups_name_key" ON "practice_groups" USING btree ("kind","name");--> statement-breakpoint
CREATE INDEX "practice_groups_parent_idx" ON "practice_groups" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "list_sizes_date_idx" ON "list_sizes" USING btree ("snapshot_date");--> statement-breakpoint
CREATE UNIQUE INDEX "pcn_memberships_key" ON "pcn_memberships" USING btree ("practice_code","pcn_code","start_date");--> statement-breakpoint
CREATE INDEX "practice_history_code_idx" ON "practice_history" USING btree ("ods_code","valid_from");--> statement-breakpoint
CREATE INDEX "practices_commissioner_idx" ON "practices" USING btree ("commissioner_code");--> statement-breakpoint
CREATE INDEX "practices_pcn_idx" ON "practices" USING btree ("pcn_code");