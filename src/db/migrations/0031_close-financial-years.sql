ALTER TABLE "finance_years" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "finance_years" ADD COLUMN "closed_by" text;