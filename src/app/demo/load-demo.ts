import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { formatList } from '../../domain/words.js';
import { bulkUpsert } from '../../db/bulk.js';
import { practiceGroups, practices, users } from '../../db/schema/index.js';
import { recordAudit } from '../audit.js';
import { type AppContext, demoActor } from '../context.js';
import { authorize } from '../permissions.js';
import { groupRecord } from '../groups/group-record.js';
import { membershipRecord } from '../groups/membership-record.js';
import { loadDemoGovernance } from './load-demo-governance.js';
import { loadDemoFinance } from './load-demo-finance.js';
import { loadDemoSchemes } from './load-demo-schemes.js';
import { loadDemoProgramme } from './load-demo-programme.js';
import { loadDemoContracts } from './load-demo-contracts.js';
import { loadDemoFunds } from './load-demo-funds.js';
import { demoFolder, readDemoCsv } from './read-demo-csv.js';
import { loadDemoQuality } from './load-demo-quality.js';
import { insertPrepared } from '../records/records.js';
import { organisationColumns, type OrganisationRow } from '../registry/organisations.js';
import { userRecord } from '../users/user-record.js';

export { demoFolder } from './read-demo-csv.js';
export const demoFederationName = 'East Leicestershire & Rutland GP Federation';
/** The seed's list sizes are from the winter access scheme list, about January 2018. */
export const demoListSizeDate = '2018-01-01';
/**
 * The day the demo's registry facts are as at: its commissioners and PCNs are those of the August
 * 2026 mapping file, and Two Shires' closing in 2020 is among them. An older ODS file imported after
 * the demo so leaves them as they are (and says so) rather than recording false history (Two Shires
 * reopened, Narborough moved back); a newer one updates them.
 */
export const demoRegistryAsOf = '2026-08-01';
/** Membership starts with the 2017/18 financial year, the first year of the seed's schemes. */
const membershipStart = '2017-04-01';
/** Facts from ODS: Narborough moved to Leicester City CCG in April 2019; Two Shires closed on 30 June 2020. */
const membershipEnds: Record<string, string> = { C82119: '2019-03-31', C82036: '2020-06-30' };

export const demoUsers = [
  { email: 'admin@elr-federation.example', name: 'Jo Walker', role: 'admin', password: 'demo-admin-password', practiceCodes: [] },
  { email: 'pm.kibworth@elr-federation.example', name: 'Priya Patel', role: 'practice_manager', password: 'demo-manager-password', practiceCodes: ['C82001'] },
  { email: 'commissioner@elr-ccg.example', name: 'Chris Morgan', role: 'commissioner', password: 'demo-commissioner-password', practiceCodes: [] },
  { email: 'clinician@elr-federation.example', name: 'Dr Sam Okafor', role: 'clinician', password: 'demo-clinician-password', practiceCodes: ['C82009'] },
] as const;

const readCsv = readDemoCsv;

/**
 * Each area's demo (schemes, the work plan, governance…), loaded after the federation. Each loader
 * adds only what is missing and says what it added, so an older demo database catches up.
 */
async function loadDemoAreas(ctx: AppContext, federationId: number): Promise<string[]> {
  return [...(await loadDemoSchemes(ctx, federationId)), ...(await loadDemoProgramme(ctx)), ...(await loadDemoGovernance(ctx, demoFolder)), ...(await loadDemoFinance(ctx, demoFolder)), ...(await loadDemoContracts(ctx)), ...(await loadDemoFunds(ctx)), ...(await loadDemoQuality(ctx, demoFolder))];
}

/** What loading the demo did: `refused` when the database holds a set-up of its own. */
export interface DemoLoad {
  loaded: boolean;
  refused?: boolean;
  message: string;
}

/** The demo sign-ins this database holds (none when it had users of its own before the demo came). */
export async function demoSignIns(db: AppContext['db']) {
  const held = new Set((await db.select({ email: users.email }).from(users).where(and(inArray(users.email, demoUsers.map((u) => u.email)), eq(users.disabled, false)))).map((u) => u.email));
  return demoUsers.filter((u) => held.has(u.email));
}

/** Loads the demo federation once, into a database that has no groups of its own; a second run changes nothing and says so. */
export async function loadDemo(ctx: AppContext): Promise<DemoLoad> {
  authorize(ctx.actor, 'demo', 'import');
  return ctx.db.transaction(async (tx) => {
    // Every demo record is written by the demo, so pages say "Demo data" rather than who loaded it.
    const txCtx: AppContext = { db: tx as never, actor: demoActor };
    const [already] = await tx.select().from(practiceGroups).where(eq(practiceGroups.name, demoFederationName));
    if (already) {
      // A demo loaded before an area existed gets that area's demo now; otherwise nothing changes.
      const added = await loadDemoAreas(txCtx, already.id);
      if (added.length) return { loaded: true, message: `The demo federation was already loaded. Added: ${added.join('; ')}.` };
      return { loaded: false, message: `The demo federation is already loaded (${demoFederationName}).` };
    }
    // A database set up for real (groups of its own) is not given made-up figures beside its own.
    const own = await tx.select({ name: practiceGroups.name }).from(practiceGroups).orderBy(practiceGroups.id).limit(3);
    // …nor is one whose people have started to use it (the first admin added), before any group is set up.
    const people = own.length ? [] : await tx.select({ email: users.email }).from(users).where(notInArray(users.email, demoUsers.map((u) => u.email))).orderBy(users.id).limit(3);
    if (own.length || people.length) {
      const held = own.length ? `groups of its own (${formatList(own.map((g) => g.name))}${own.length === 3 ? ' and others' : ''})` : `users of its own (${formatList(people.map((u) => u.email))}${people.length === 3 ? ' and others' : ''})`;
      return { loaded: false, refused: true, message: `This database already holds ${held}, so the demo was not loaded into it: its made-up figures would mix with yours. To try the demo, give it a data directory of its own, for example ATSCALE_DATA_DIR=./demo-data npm start.` };
    }

    const seedPractices = readCsv('elr-practices.csv');
    const odsCodes = new Map(readCsv('elr-practice-ods-codes.csv').map((r) => [r.practice!, r]));
    const pcns = readCsv('elr-pcns.csv');
    const orgs = new Map<string, OrganisationRow>();
    orgs.set('QK1', { code: 'QK1', name: 'NHS Leicester, Leicestershire and Rutland Integrated Care Board', kind: 'icb', parentCode: null });
    orgs.set('03W', { code: '03W', name: 'NHS East Leicestershire and Rutland CCG (now LLR ICB sub-ICB location 03W)', kind: 'sub_icb', parentCode: 'QK1' });
    for (const p of pcns) orgs.set(p.pcn_code!, { code: p.pcn_code!, name: p.pcn_name!, kind: 'pcn', parentCode: p.sub_icb_code! });
    await bulkUpsert(txCtx.db, 'organisations', organisationColumns, [...orgs.values()], 'nothing');

    // Practices the registry does not hold yet (a real ODS import wins over the demo's facts).
    const known = new Set((await tx.select({ code: practices.odsCode }).from(practices)).map((p) => p.code));
    const pcnOf = new Map(pcns.map((p) => [p.ods_code!, p]));
    const rows = seedPractices.map((s) => {
      const ods = odsCodes.get(s.practice!);
      if (!ods) throw new Error(`demo data: no ODS code for ${s.practice}`);
      return { seed: s, ods };
    });
    const fresh = rows.filter((r) => !known.has(r.ods.ods_code!));
    if (fresh.length) await tx.insert(practices).values(
      fresh.map(({ seed, ods }) => ({
        odsCode: ods.ods_code!,
        name: ods.ods_name!,
        localName: seed.practice!,
        postcode: ods.postcode || null,
        status: membershipEnds[ods.ods_code!] === '2020-06-30' ? 'closed' : 'active',
        statusRaw: membershipEnds[ods.ods_code!] === '2020-06-30' ? 'C' : 'A',
        prescribingSetting: '4',
        isGpPractice: true,
        commissionerCode: ods.ods_code === 'C82119' ? '04C' : '03W',
        pcnCode: pcnOf.get(ods.ods_code!)?.pcn_code ?? null,
        icbCode: 'QK1',
        closeDate: ods.ods_code === 'C82036' ? '2020-06-30' : null,
        sourceDate: demoRegistryAsOf,
      })),
    );
    await bulkUpsert(
      txCtx.db,
      'list_sizes',
      [
        { name: 'ods_code', type: 'text', value: (r: (typeof rows)[number]) => r.ods.ods_code },
        { name: 'snapshot_date', type: 'date', value: () => demoListSizeDate },
        { name: 'patients', type: 'int', value: (r: (typeof rows)[number]) => Number(r.seed.list_size) },
      ],
      rows,
      'nothing',
    );

    const [federation] = await insertPrepared(txCtx, groupRecord, [{ name: demoFederationName, kind: 'federation', commissionerCode: '03W', description: 'GP federation owned by its member practices in East Leicestershire and Rutland: 31 in 2018, before Narborough moved to Leicester City CCG (2019) and Two Shires closed (2020).' }]);
    const localityNames = [...new Set(seedPractices.map((s) => s.locality!))];
    const localities = await insertPrepared(txCtx, groupRecord, localityNames.map((name) => ({ name, kind: 'locality', parentId: federation!.id, commissionerCode: '03W' })));
    const localityId = new Map(localities.map((l) => [l.name as string, l.id as number]));
    const memberships = rows.flatMap(({ seed, ods }) => {
      const base = { practiceCode: ods.ods_code!, startDate: membershipStart, endDate: membershipEnds[ods.ods_code!] ?? null };
      return [
        { ...base, groupId: federation!.id as number },
        { ...base, groupId: localityId.get(seed.locality!)! },
      ];
    });
    await insertPrepared(txCtx, membershipRecord, memberships);
    const [anyUser] = await tx.select({ id: users.id }).from(users).limit(1);
    if (!anyUser) await insertPrepared(txCtx, userRecord, demoUsers.map((u) => ({ ...u, practiceCodes: [...u.practiceCodes] })));
    const added = await loadDemoAreas(txCtx, federation!.id as number);
    await recordAudit(txCtx.db, ctx.actor, { recordType: 'demo', recordId: 'elr', action: 'import', summary: `Loaded the demo federation: ${rows.length} practices in ${localityNames.length} localities; ${added.join('; ')}` });
    return { loaded: true, message: `Loaded ${demoFederationName}: ${rows.length} practices in ${localityNames.length} localities.${added.length ? ` Added: ${added.join('; ')}.` : ''}` };
  });
}
