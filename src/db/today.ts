import { sql } from 'drizzle-orm';

/** Today's date in England, in SQL: the database's rule for "overdue" agrees with todayInEngland on the server and the page. */
export const todayInEnglandSql = sql`(now() AT TIME ZONE 'Europe/London')::date`;
