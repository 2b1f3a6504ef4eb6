CREATE TABLE "people" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"initials" text,
	"job_title" text,
	"organisation" text,
	"email" text,
	"user_id" integer,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "people_name_key" ON "people" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "people_initials_key" ON "people" USING btree ("initials");