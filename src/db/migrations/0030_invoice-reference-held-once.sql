-- Before 0029 nothing stopped two invoices being recorded under one reference: name any such pair rather than fail on the index below with no word of which.
DO $$
DECLARE clash text;
BEGIN
  SELECT string_agg(format('%s (scheme %s version %s)', v.invoice_reference, v.scheme_id, v.version), ', ' ORDER BY upper(v.invoice_reference), v.scheme_id, v.version) INTO clash
  FROM "scheme_versions" v
  WHERE v.invoiced_on IS NOT NULL AND v.invoice_reference IS NOT NULL
    AND (SELECT count(*) FROM "scheme_versions" o WHERE o.invoiced_on IS NOT NULL AND upper(o.invoice_reference) = upper(v.invoice_reference)) > 1;
  IF clash IS NOT NULL THEN
    RAISE EXCEPTION 'Invoice references recorded on more than one invoice: %. A reference names one invoice: with the previous atscale, correct the reference of all but one of each (on its scheme page, or atscale scheme invoiced --reference), then upgrade again', clash;
  END IF;
END $$;--> statement-breakpoint
CREATE UNIQUE INDEX "scheme_versions_invoice_reference_key" ON "scheme_versions" USING btree (upper("invoice_reference")) WHERE "scheme_versions"."invoiced_on" is not null and "scheme_versions"."invoice_reference" is not null;
