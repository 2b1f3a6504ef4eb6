import { Heading, InsetText, Select } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { Page, SessionUser } from '../../api/types.js';
import type { RecordTypeName } from '../../../app/permissions.js';
import { may } from '../../auth/may.js';
import { useUser } from '../../auth/session.js';
import { useApiQuery } from '../../api/use-api.js';
import { NotFoundPage, usePageTitle } from '../../components/page-states.js';
import { normaliseFinancialYear } from '../../../domain/finance/financial-year.js';
import type { FinanceYearRow } from './types.js';
import { ExportLinks } from '../../components/export-links.js';
import { closedWords } from '../../../domain/finance/closed-years.js';

/** The finance pages and the registers that live under Finance in the menu, each shown to whoever may read what it shows. */
const sections: { to: string; text: string; reads: RecordTypeName }[] = [
  { to: '/finance', text: 'Income and savings', reads: 'income_stream' },
  { to: '/finance/ie', text: 'Income and expenditure', reads: 'finance_report' },
  { to: '/finance/cash-flow', text: 'Cash flow', reads: 'finance_report' },
  { to: '/finance/scenarios', text: 'Scenarios', reads: 'finance_report' },
  { to: '/finance/years', text: 'Financial years', reads: 'finance_year' },
  { to: '/contracts', text: 'Contracts', reads: 'contract' },
  { to: '/funds', text: 'Funds', reads: 'fund' },
];

/** A practice manager's own practice's money (the first of their practices; the practice page links each). */
function practiceSection(user: SessionUser) {
  const code = user.role === 'practice_manager' ? user.practiceCodes[0] : undefined;
  return code ? [{ to: `/finance/practices/${code}`, text: 'Your practice', reads: 'practice' as const }] : [];
}

/** The plan's years and the one chosen in the address (?year=), or the latest year that has an I&E. */
export function usePlanYear() {
  const [params, setParams] = useSearchParams();
  const years = useApiQuery<Page<FinanceYearRow>>('/api/finance-years?pageSize=100&sort=financialYear');
  const latestIe = useApiQuery<Page<{ financialYear: string }>>('/api/ie-lines?pageSize=1&sort=financialYear&dir=desc');
  const asked = params.get('year');
  // Read as the plan writes it ("18/19" is 2018/19), so the year chooser shows the year the figures are for.
  const year = (asked === null ? null : asPlanWritesIt(asked)) ?? latestIe.data?.items[0]?.financialYear ?? years.data?.items.at(-1)?.financialYear ?? null;
  const choose = (next: string) => {
    const changed = new URLSearchParams(params);
    changed.set('year', next);
    setParams(changed);
  };
  /** Sets or clears address values, keeping the rest. */
  const update = (changes: Record<string, string>) => {
    const changed = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) changed.set(key, value);
      else changed.delete(key);
    }
    setParams(changed);
  };
  // An address naming a year the plan does not have (typed, or kept from before the year was removed) is a page that is not there, as the API says (404).
  const outsidePlan = asked !== null && years.data !== undefined && !years.data.items.some((y) => y.financialYear === year);
  return { year, years: years.data?.items ?? [], outsidePlan, choose, update, params };
}

/** "18/19" as the plan writes it, "2018/19"; what is not a year at all stays as written (and matches none). */
function asPlanWritesIt(year: string): string {
  try {
    return normaliseFinancialYear(year);
  } catch {
    return year;
  }
}

/** Every finance page: its heading, the finance sections as links, and (where it has one) the year chooser; a page not found for a year outside the plan. */
export function FinanceFrame(props: { title: string; intro?: ReactNode; year?: ReturnType<typeof usePlanYear>; children: ReactNode }) {
  return props.year?.outsidePlan ? <NotFoundPage message={`${props.year.year} is outside the finance plan`} /> : <FinancePage {...props} />;
}

/** The finance pages' own menu, on each of them and on the contracts and funds lists it names. */
export function FinanceNav() {
  const { pathname, search } = useLocation();
  const keep = new URLSearchParams(search).get('year');
  const user = useUser();
  const shown = [...sections, ...practiceSection(user)].filter((s) => may(user, s.reads, 'read'));
  if (!shown.length) return null;
  return (
    <nav aria-label="Finance" className="app-finance-nav">
      <ul>
        {shown.map((s) => (
          <li key={s.to}>
            {s.to === pathname ? <strong aria-current="page">{s.text}</strong> : <Link to={`${s.to}${keep && s.to.startsWith('/finance') ? `?year=${encodeURIComponent(keep)}` : ''}`}>{s.text}</Link>}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function FinancePage({ title, intro, year, children }: { title: string; intro?: ReactNode; year?: ReturnType<typeof usePlanYear>; children: ReactNode }) {
  usePageTitle(title);
  return (
    <>
      <Heading headingLevel="h1">{title}</Heading>
      <FinanceNav />
      {intro}
      {year && year.years.length ? (
        <Select id="finance-year" label="Financial year" value={year.year ?? ''} onChange={(e) => year.choose(e.currentTarget.value)}>
          {year.years.map((y) => (
            <Select.Option key={y.financialYear} value={y.financialYear}>
              {y.financialYear}
            </Select.Option>
          ))}
        </Select>
      ) : null}
      {year ? <ClosedYearNotice year={year.years.find((y) => y.financialYear === year.year)} /> : null}
      {children}
    </>
  );
}

/** A closed year says so above its figures: "Closed on 30 April 2019 by Jo Walker", and that they cannot change. */
function ClosedYearNotice({ year }: { year: FinanceYearRow | undefined }) {
  if (!year?.closedOn) return null;
  return (
    <InsetText>
      <p>
        <strong>{closedWords({ financialYear: year.financialYear, closedOn: year.closedOn, closedBy: year.closedBy ?? '' })}.</strong> Its figures cannot change until an admin reopens it (<Link to="/finance/years">Financial years</Link>).
      </p>
    </InsetText>
  );
}

/** Links to download a report's tables: CSV of the main table, XLSX of all. */
export function DownloadLinks({ report, query = '', noun }: { report: string; query?: string; noun: string }) {
  return <ExportLinks base={`/api/finance/${report}/export`} query={query} noun={`the ${noun}`} />;
}
