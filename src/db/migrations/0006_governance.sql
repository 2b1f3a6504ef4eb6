CREATE TABLE "board_action_updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"action_id" integer NOT NULL,
	"entered_on" date NOT NULL,
	"text" text NOT NULL,
	"entered_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "board_actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"ref" text NOT NULL,
	"action" text NOT NULL,
	"owner_text" text,
	"owner_person_ids" integer[] DEFAULT '{}' NOT NULL,
	"due_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"meeting_id" integer,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"held_on" date,
	"agenda" text,
	"attendees" text,
	"decisions" text,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"version" text NOT NULL,
	"owner_text" text,
	"owner_person_ids" integer[] DEFAULT '{}' NOT NULL,
	"approved_on" date,
	"review_date" date,
	"acknowledge_by" date,
	"practice_codes" text[] DEFAULT '{}' NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_acknowledgements" (
	"id" serial PRIMARY KEY NOT NULL,
	"policy_id" integer NOT NULL,
	"version" text NOT NULL,
	"practice_code" text NOT NULL,
	"acknowledged_by" text NOT NULL,
	"user_id" integer,
	"acknowledged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_files" (
	"policy_id" integer PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_score_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"risk_id" integer NOT NULL,
	"likelihood" integer,
	"impact" integer,
	"score" integer,
	"recorded_on" date NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"id" serial PRIMARY KEY NOT NULL,
	"ref" text NOT NULL,
	"risk" text NOT NULL,
	"cause_effect" text,
	"context" text,
	"owner_text" text,
	"owner_person_ids" integer[] DEFAULT '{}' NOT NULL,
	"likelihood" integer,
	"likelihood_raw" text,
	"impact" integer,
	"target_score" integer,
	"mitigation" text,
	"review_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "board_action_updates" ADD CONSTRAINT "board_action_updates_action_id_board_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."board_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_actions" ADD CONSTRAINT "board_actions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_acknowledgements" ADD CONSTRAINT "policy_acknowledgements_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_files" ADD CONSTRAINT "policy_files_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_score_history" ADD CONSTRAINT "risk_score_history_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "board_action_updates_action_idx" ON "board_action_updates" USING btree ("action_id");--> statement-breakpoint
CREATE UNIQUE INDEX "board_actions_ref_key" ON "board_actions" USING btree ("ref");--> statement-breakpoint
CREATE INDEX "board_actions_meeting_idx" ON "board_actions" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_title_key" ON "meetings" USING btree ("title");--> statement-breakpoint
CREATE UNIQUE INDEX "policies_title_key" ON "policies" USING btree ("title");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_acknowledgements_key" ON "policy_acknowledgements" USING btree ("policy_id","version","practice_code");--> statement-breakpoint
CREATE INDEX "risk_score_history_risk_idx" ON "risk_score_history" USING btree ("risk_id");--> statement-breakpoint
CREATE UNIQUE INDEX "risks_ref_key" ON "risks" USING btree ("ref");