ALTER TABLE "ie_income_lines" ADD COLUMN "scheme_id" integer;--> statement-breakpoint
ALTER TABLE "income_streams" ADD COLUMN "scheme_id" integer;--> statement-breakpoint
ALTER TABLE "ie_income_lines" ADD CONSTRAINT "ie_income_lines_scheme_id_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."schemes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "income_streams" ADD CONSTRAINT "income_streams_scheme_id_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."schemes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ie_income_lines" ADD CONSTRAINT "ie_income_lines_scheme" UNIQUE("scheme_id");--> statement-breakpoint
ALTER TABLE "income_streams" ADD CONSTRAINT "income_streams_scheme" UNIQUE("scheme_id");