-- A practice's localities today name their group beside each where it is in localities of more than
-- one group ("Harborough (East Leicestershire & Rutland GP Federation); Blaby side (Cross Counties
-- PCN)"), federations first: "Blaby side; Harborough" read as if both were one federation's. Today is
-- today in England, as the rest of atscale counts it.
CREATE OR REPLACE VIEW "practice_overview" AS
SELECT
  p.ods_code,
  COALESCE(p.local_name, p.name) AS display_name,
  p.name,
  p.local_name,
  p.status,
  p.is_gp_practice,
  p.prescribing_setting,
  p.commissioner_code,
  c.name AS commissioner_name,
  p.pcn_code,
  pcn.name AS pcn_name,
  p.icb_code,
  icb.name AS icb_name,
  p.postcode,
  p.address,
  p.open_date,
  p.close_date,
  p.phone,
  p.notes,
  p.source_date,
  ls.patients AS list_size,
  ls.snapshot_date AS list_size_date,
  loc.localities AS locality,
  p.row_version
FROM practices p
LEFT JOIN organisations c ON c.code = p.commissioner_code
LEFT JOIN organisations pcn ON pcn.code = p.pcn_code
LEFT JOIN organisations icb ON icb.code = p.icb_code
LEFT JOIN LATERAL (
  SELECT l.patients, l.snapshot_date FROM list_sizes l
  WHERE l.ods_code = p.ods_code ORDER BY l.snapshot_date DESC LIMIT 1
) ls ON true
LEFT JOIN LATERAL (
  SELECT CASE WHEN count(DISTINCT g.parent_id) > 1
    THEN string_agg(g.name || ' (' || parent.name || ')', '; ' ORDER BY parent.kind <> 'federation', parent.name, g.name)
    ELSE string_agg(g.name, '; ' ORDER BY g.name) END AS localities
  FROM group_memberships m
  JOIN practice_groups g ON g.id = m.group_id AND g.kind = 'locality'
  LEFT JOIN practice_groups parent ON parent.id = g.parent_id
  WHERE m.practice_code = p.ods_code
    AND m.start_date <= (now() AT TIME ZONE 'Europe/London')::date
    AND (m.end_date IS NULL OR m.end_date >= (now() AT TIME ZONE 'Europe/London')::date)
) loc ON true;
