-- Saving a draft used to write its name and funder onto the scheme row, so everyone read a draft's
-- before the federation approved it. The row now carries the version in force's (a draft's become
-- the scheme's when it is approved): take them from each scheme's latest approved version. A scheme
-- never approved keeps its draft's, as before; the row version is left alone (no one edited the terms).
UPDATE "schemes" AS s
SET "name" = v."definition" ->> 'name', "funder" = v."definition" ->> 'funder'
FROM (
  SELECT DISTINCT ON ("scheme_id") "scheme_id", "definition"
  FROM "scheme_versions"
  WHERE "status" = 'approved'
  ORDER BY "scheme_id", "version" DESC
) AS v
WHERE v."scheme_id" = s."id"
  AND v."definition" ->> 'name' IS NOT NULL
  AND v."definition" ->> 'funder' IS NOT NULL
  AND (s."name", s."funder") IS DISTINCT FROM (v."definition" ->> 'name', v."definition" ->> 'funder');
