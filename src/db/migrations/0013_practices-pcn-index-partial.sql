DROP INDEX "practices_pcn_idx";--> statement-breakpoint
CREATE INDEX "practices_pcn_idx" ON "practices" USING btree ("pcn_code") WHERE "practices"."pcn_code" IS NOT NULL;