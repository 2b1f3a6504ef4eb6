CREATE TABLE "scheme_delivered" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scheme_id" integer NOT NULL,
	"version" integer NOT NULL,
	"practice_code" text NOT NULL,
	"model_id" text NOT NULL,
	"week" integer,
	"quantity" double precision,
	"takes_part" text,
	"source" text NOT NULL,
	"line" integer,
	CONSTRAINT "scheme_delivered_key" UNIQUE NULLS NOT DISTINCT("scheme_id","version","practice_code","model_id","week")
);
--> statement-breakpoint
CREATE TABLE "scheme_hand_schedules" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scheme_id" integer NOT NULL,
	"version" integer NOT NULL,
	"label" text NOT NULL,
	"description" text,
	"year" text NOT NULL,
	"practice_code" text,
	"amount_pence" bigint NOT NULL,
	"source" text NOT NULL,
	"line" integer,
	CONSTRAINT "scheme_hand_schedules_key" UNIQUE NULLS NOT DISTINCT("scheme_id","version","year","practice_code")
);
--> statement-breakpoint
CREATE TABLE "scheme_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"scheme_id" integer NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"definition" jsonb NOT NULL,
	"list_snapshot_date" date,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schemes" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"funder" text NOT NULL,
	"group_id" integer,
	"status" text NOT NULL,
	"current_version" integer NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schemes_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE INDEX "scheme_delivered_version_idx" ON "scheme_delivered" USING btree ("scheme_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "scheme_versions_key" ON "scheme_versions" USING btree ("scheme_id","version");