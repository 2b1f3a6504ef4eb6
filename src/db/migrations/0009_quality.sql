CREATE TABLE "indicator_thresholds" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_code" text NOT NULL,
	"minimum" double precision,
	"target" double precision,
	"note" text,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_totals" (
	"indicator_code" text NOT NULL,
	"period" date NOT NULL,
	"practices" integer NOT NULL,
	"numerator" double precision,
	"denominator" double precision,
	"value_sum" double precision NOT NULL,
	CONSTRAINT "indicator_totals_indicator_code_period_pk" PRIMARY KEY("indicator_code","period")
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"indicator_code" text NOT NULL,
	"practice_code" text NOT NULL,
	"period" date NOT NULL,
	"numerator" double precision,
	"denominator" double precision,
	"value" double precision NOT NULL,
	"source" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"numerator_definition" text,
	"denominator_definition" text,
	"unit" text NOT NULL,
	"polarity" text NOT NULL,
	"source" text NOT NULL,
	"cadence" text NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_thresholds_indicator_key" ON "indicator_thresholds" USING btree ("indicator_code");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_key" ON "indicator_values" USING btree ("indicator_code","period","practice_code");--> statement-breakpoint
CREATE INDEX "indicator_values_practice_idx" ON "indicator_values" USING btree ("practice_code","indicator_code","period");