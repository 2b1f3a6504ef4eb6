CREATE TABLE "application_lines" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"line_no" integer NOT NULL,
	"description" text NOT NULL,
	"amount_pence" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"contract_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"reference" text,
	"commissioner" text NOT NULL,
	"parties" text NOT NULL,
	"footprint_group_id" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"renewal_date" date,
	"notice_period_days" integer,
	"value_pence" bigint,
	"value_basis" text NOT NULL,
	"federation_fee_bp" integer NOT NULL,
	"description" text,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drawdowns" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"amount_pence" bigint NOT NULL,
	"drawn_on" date NOT NULL,
	"evidence" text NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"fund_id" integer NOT NULL,
	"locality_group_id" integer NOT NULL,
	"practice_code" text,
	"title" text NOT NULL,
	"purpose" text NOT NULL,
	"milestones" text,
	"requested_pence" bigint NOT NULL,
	"status" text NOT NULL,
	"approved_pence" bigint,
	"decision_reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"submitted_by" text NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funds" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"commissioner" text NOT NULL,
	"footprint_group_id" integer NOT NULL,
	"list_snapshot_date" date NOT NULL,
	"rates" jsonb NOT NULL,
	"description" text,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funds_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "sub_contracts" (
	"id" serial PRIMARY KEY NOT NULL,
	"contract_id" integer NOT NULL,
	"practice_code" text NOT NULL,
	"signed_date" date,
	"share_bp" integer NOT NULL,
	"notes" text,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "application_lines_key" ON "application_lines" USING btree ("application_id","line_no");--> statement-breakpoint
CREATE INDEX "contract_documents_contract_idx" ON "contract_documents" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "drawdowns_application_idx" ON "drawdowns" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "fund_applications_fund_idx" ON "fund_applications" USING btree ("fund_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sub_contracts_key" ON "sub_contracts" USING btree ("contract_id","practice_code");--> statement-breakpoint
CREATE INDEX "sub_contracts_practice_idx" ON "sub_contracts" USING btree ("practice_code");