-- Memberships as people read them: with the practice's and the group's names.
CREATE VIEW "membership_overview" AS
SELECT
  m.id,
  m.group_id,
  g.name AS group_name,
  g.kind AS group_kind,
  g.parent_id AS group_parent_id,
  m.practice_code,
  COALESCE(p.local_name, p.name) AS practice_name,
  m.start_date,
  m.end_date,
  (m.start_date <= CURRENT_DATE AND (m.end_date IS NULL OR m.end_date >= CURRENT_DATE)) AS current,
  m.row_version
FROM group_memberships m
JOIN practice_groups g ON g.id = m.group_id
LEFT JOIN practices p ON p.ods_code = m.practice_code;
--> statement-breakpoint
-- Users without their password hashes, with the practices they work for.
CREATE VIEW "user_overview" AS
SELECT
  u.id,
  u.email,
  u.name,
  u.role,
  u.disabled,
  COALESCE((SELECT string_agg(up.practice_code, ';' ORDER BY up.practice_code) FROM user_practices up WHERE up.user_id = u.id), '') AS practice_codes,
  u.last_sign_in_at,
  u.created_at,
  u.row_version
FROM users u;
