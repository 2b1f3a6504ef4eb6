CREATE TABLE "cost_savings" (
	"id" serial PRIMARY KEY NOT NULL,
	"initiative" text NOT NULL,
	"financial_year" text NOT NULL,
	"expected_pence" bigint NOT NULL,
	"realised_pence" bigint,
	"beneficiary" text DEFAULT 'practices' NOT NULL,
	"comment" text,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cost_savings_initiative_year" UNIQUE("initiative","financial_year")
);
--> statement-breakpoint
CREATE TABLE "finance_years" (
	"id" serial PRIMARY KEY NOT NULL,
	"financial_year" text NOT NULL,
	"opening_balance_pence" bigint DEFAULT 0 NOT NULL,
	"cash_threshold_pence" bigint DEFAULT 0 NOT NULL,
	"notes" text,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finance_years_financial_year_unique" UNIQUE("financial_year")
);
--> statement-breakpoint
CREATE TABLE "ie_income_lines" (
	"id" serial PRIMARY KEY NOT NULL,
	"financial_year" text NOT NULL,
	"section" text NOT NULL,
	"line" text NOT NULL,
	"amount_pence" bigint NOT NULL,
	"comment" text,
	"stream_id" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ie_income_lines_year_section_line" UNIQUE("financial_year","section","line")
);
--> statement-breakpoint
CREATE TABLE "income_stream_years" (
	"id" serial PRIMARY KEY NOT NULL,
	"stream_id" integer NOT NULL,
	"financial_year" text NOT NULL,
	"amount_pence" bigint NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "income_stream_years_stream_year" UNIQUE("stream_id","financial_year")
);
--> statement-breakpoint
CREATE TABLE "income_streams" (
	"id" serial PRIMARY KEY NOT NULL,
	"funder" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"frequency" text DEFAULT 'monthly' NOT NULL,
	"arrears_months" integer DEFAULT 0 NOT NULL,
	"practices_share_basis_points" integer DEFAULT 0 NOT NULL,
	"contract_reference" text,
	"end_date" date,
	"comment" text,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "income_streams_funder_name_status" UNIQUE("funder","name","status")
);
--> statement-breakpoint
CREATE TABLE "running_cost_lines" (
	"id" serial PRIMARY KEY NOT NULL,
	"financial_year" text NOT NULL,
	"category" text NOT NULL,
	"line" text NOT NULL,
	"amount_pence" bigint NOT NULL,
	"comment" text,
	"frequency" text DEFAULT 'monthly' NOT NULL,
	"arrears_months" integer DEFAULT 0 NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "running_cost_lines_year_line" UNIQUE("financial_year","line")
);
--> statement-breakpoint
ALTER TABLE "ie_income_lines" ADD CONSTRAINT "ie_income_lines_stream_id_income_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."income_streams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "income_stream_years" ADD CONSTRAINT "income_stream_years_stream_id_income_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."income_streams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "income_stream_years_year" ON "income_stream_years" USING btree ("financial_year");