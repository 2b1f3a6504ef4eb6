ALTER TABLE "audit_log" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_seq_idx" ON "audit_log" USING btree ("seq");--> statement-breakpoint
-- Rows written before sealing began carry no seal: the chain starts with the first row written after this migration.
UPDATE "audit_log" SET "hash" = 'unsealed';--> statement-breakpoint
-- A row's seal: SHA-256 (hex) over the previous row's seal and this row, at its place `seq`, as canonical JSON
-- (jsonb writes keys in one order; the time in UTC to the microsecond). Its id is left out, as a restore gives
-- rows written since the backup new ids. Sealing, checking and sealing again all use this one function.
CREATE FUNCTION audit_link(prev text, seq bigint, r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(coalesce(prev, '') || jsonb_build_array(seq, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), r.actor_id, r.actor_label, r.record_type, r.record_id, r.action, r.before, r.after, r.summary)::text, 'UTF8')), 'hex')
$$;--> statement-breakpoint
-- Seals a row as its transaction commits (a deferred trigger), under a lock held only until that commit:
-- rows from transactions running side by side join one chain, in the order they commit. A row that came
-- with a seal (a restored backup's) keeps it.
CREATE FUNCTION audit_seal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  IF NEW.hash IS NOT NULL THEN RETURN NULL; END IF;
  PERFORM pg_advisory_xact_lock(1635021667, 1);
  SELECT seq, hash INTO head_seq, head_hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
  UPDATE audit_log a SET seq = coalesce(head_seq, 0) + 1, hash = audit_link(head_hash, coalesce(head_seq, 0) + 1, a) WHERE id = NEW.id AND hash IS NULL;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_log_seal AFTER INSERT ON audit_log DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_seal();--> statement-breakpoint
-- Seals again every row from `from_seq` on, in order: an anonymisation, which rewrites a former user's name where the log holds it, calls it once it has checked the chain was whole.
CREATE FUNCTION audit_reseal(from_seq bigint) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  prev text;
  r audit_log;
  n integer := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(1635021667, 1);
  SELECT hash INTO prev FROM audit_log WHERE seq = from_seq - 1;
  FOR r IN SELECT * FROM audit_log WHERE seq >= from_seq ORDER BY seq LOOP
    prev := audit_link(prev, r.seq, r);
    UPDATE audit_log SET hash = prev WHERE id = r.id;
    n := n + 1;
  END LOOP;
  RETURN n;
END
$$;
