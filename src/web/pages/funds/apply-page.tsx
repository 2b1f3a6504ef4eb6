import { Button, Col, Heading, InsetText, Row, Select, Textarea, TextInput } from 'nhsuk-react-components';
import { fundEnd } from '../../../domain/funds/fund-applications.js';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useApiQuery } from '../../api/use-api.js';
import { useUser } from '../../auth/session.js';
import { DateField, dateFieldTarget, dateProblem, type DateParts, isoOrNull, isoToParts } from '../../components/date-field.js';
import { type FieldError, FormErrorSummary } from '../../components/form-errors.js';
import { PageBreadcrumb } from '../../components/page-breadcrumb.js';
import { Loaded, usePageTitle } from '../../components/page-states.js';
import { useApiForm } from '../../components/use-api-form.js';
import { formatDate, formatMoney, todayIso } from '../../format/format.js';
import { CostedLines, type LineDraft, lineId, typedPence } from './costed-lines.js';
import type { Application, FundReport, Position } from './types.js';
import '../contracts/contracts.css';

const fields = {
  localityGroupId: { id: 'applicant', label: 'Applicant' },
  practiceCode: { id: 'applicant', label: 'Applicant' },
  title: { id: 'application-title', label: 'Title' },
  purpose: { id: 'application-purpose', label: 'Purpose' },
  milestones: { id: 'application-milestones', label: 'Milestones' },
  // The costed lines' problems are about their amounts (more than the pot has left, adding up to nothing): the first amount box.
  lines: { id: lineId(0, 'amount'), label: 'Costed lines' },
  submittedOn: { id: dateFieldTarget('submitted-on'), label: 'Date of the application' },
};

/** The pot the chosen applicant draws on: a locality's own, or a practice's locality's. */
function potOf(applicant: string, { positions, calculation }: Pick<FundReport, 'positions' | 'calculation'>): Position | undefined {
  const [kind, value] = applicant.split(':');
  if (kind === 'locality') return positions.find((p) => String(p.localityId) === value);
  const locality = calculation.practices.find((p) => p.key === value)?.locality;
  return locality ? positions.find((p) => p.name === locality) : undefined;
}

const leftIn = (pot: Pick<Position, 'name' | 'allocatedPence' | 'remainingPence'>) => {
  const held = pot.allocatedPence - pot.remainingPence;
  return (
    <>
      {pot.name} has <strong>{formatMoney(Math.max(pot.remainingPence, 0))}</strong> left to apply for: {formatMoney(pot.allocatedPence)} allocated
      {held > 0 ? `, ${formatMoney(held)} of it already asked for or approved` : ''}.
    </>
  );
};

/**
 * What the applicant may still ask for, before they write the costed lines rather than after a
 * refusal: a locality's pot, or for a practice both its own share and its locality's (the server's
 * figures; an application must fit each).
 */
function PotHint({ pot, own }: { pot: Position | undefined; own: FundReport['practicePositions'][number] | undefined }) {
  if (!pot) return null;
  return (
    <p className="nhsuk-body" id="applicant-pot">
      {own ? <>A practice’s application must fit its own share of the fund and its locality’s allocation. {leftIn({ ...own, name: `${own.name}’s own share` })} </> : null}
      {leftIn(own ? { ...pot, name: `${pot.name} locality` } : pot)}
    </p>
  );
}

/**
 * When the practice closed or left the fund's footprint, if that was before the application's date
 * (today unless another day is given): the API refuses such an application, so the form does not offer it.
 */
function goneBy(practices: FundReport['practicePositions'], code: string, submittedOn: DateParts): { on: string; words: string } | null {
  const went = practices.find((p) => p.practiceCode === code)?.went;
  return went && went.on < (isoOrNull(submittedOn) ?? todayIso()) ? went : null;
}

/** Said in place of the pot's figures for a practice that cannot apply, in the API's words. */
function GoneHint({ practice, on }: { practice: FundReport['practicePositions'][number]; on: string }) {
  return (
    <p className="nhsuk-body" id="applicant-gone">
      {practice.name} ({practice.practiceCode}) {practice.went!.words}, before this application’s date ({formatDate(on)}), so it cannot apply: its locality may apply instead.
    </p>
  );
}

/** A locality (the federation admin) or a practice (its manager) applies with a business case: purpose, milestones, costed lines. */
export function ApplyPage() {
  const { id } = useParams();
  const user = useUser();
  const navigate = useNavigate();
  const report = useApiQuery<FundReport>(`/api/funds/${id}/report`);
  const [applicant, setApplicant] = useState(user.role === 'practice_manager' && user.practiceCodes.length === 1 ? `practice:${user.practiceCodes[0]}` : '');
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState('');
  const [milestones, setMilestones] = useState('');
  const [lines, setLines] = useState<LineDraft[]>([{ description: '', amount: '' }]);
  // Today, unless a paper application made earlier is recorded now.
  const [submittedOn, setSubmittedOn] = useState<DateParts>(isoToParts(todayIso()));
  const form = useApiForm<Record<string, unknown>, Application>((body) => ({ method: 'POST', path: `/api/funds/${id}/applications`, body }), {
    invalidates: ['/api/fund'],
    fields,
    onSuccess: (a) => navigate(`/fund-applications/${a.id}`, { state: { sent: true } }),
  });
  usePageTitle(form.errors.length ? 'Error: Apply for money from a fund' : 'Apply for money from a fund');

  function submit(event: FormEvent) {
    event.preventDefault();
    const [kind, value] = applicant.split(':');
    const body = { ...(kind === 'practice' ? { practiceCode: value } : { localityGroupId: value }), title, purpose, milestones: milestones.trim() || undefined, lines, submittedOn: isoOrNull(submittedOn) ?? undefined };
    form.submit(body, () => {
      const problems: FieldError[] = [];
      if (!applicant) problems.push({ field: 'applicant', message: 'Choose who is applying' });
      if (!title.trim()) problems.push({ field: 'application-title', message: 'Enter a title' });
      if (!purpose.trim()) problems.push({ field: 'application-purpose', message: 'Say what the money is for' });
      const dateError = dateProblem(submittedOn, 'Date of the application', true);
      if (dateError) problems.push({ field: dateFieldTarget('submitted-on'), message: dateError });
      lines.forEach((line, i) => {
        if (!line.description.trim()) problems.push({ field: lineId(i, 'description'), message: `Say what line ${i + 1} is for` });
        if (typedPence(line.amount) === null) problems.push({ field: lineId(i, 'amount'), message: `Enter line ${i + 1}’s amount in pounds, like £1,250.50 (not negative)` });
      });
      return problems;
    });
  }

  return (
    <Loaded query={report} what="fund">
      {({ fund, positions, practicePositions, calculation }) => (
        <Row>
          <Col width="two-thirds">
            <PageBreadcrumb items={[{ to: '/funds', text: 'Funds' }, { to: `/funds/${fund.id}`, text: fund.name }]} />
            <FormErrorSummary errors={form.errors} attempt={form.attempt} />
            <Heading headingLevel="h1">Apply for money from {fund.name}</Heading>
            <FundEnded years={fund.rates.map((r) => r.year)} />
            <form onSubmit={submit} noValidate>
              <Select id="applicant" name="applicant" label="Who is applying" value={applicant} onChange={(e) => setApplicant(e.target.value)} error={form.fieldError('applicant')}>
                <Select.Option value="">Choose</Select.Option>
                {user.role === 'admin'
                  ? positions.map((p) => (
                      <Select.Option key={p.name} value={`locality:${p.localityId}`}>
                        {p.name} locality ({formatMoney(p.remainingPence)} left to apply for)
                      </Select.Option>
                    ))
                  : user.practiceCodes.map((code) => {
                      const practice = calculation.practices.find((p) => p.key === code);
                      const gone = goneBy(practicePositions, code, submittedOn);
                      return (
                        <Select.Option key={code} value={`practice:${code}`} disabled={!!gone}>
                          {practice ? `${practice.name} (${code})${practice.locality ? `, ${practice.locality} locality` : ''}` : code}
                          {gone ? `: ${gone.words}, so it cannot apply` : ''}
                        </Select.Option>
                      );
                    })}
              </Select>
              {goneBy(practicePositions, applicant.replace(/^practice:/, ''), submittedOn) ? (
                <GoneHint practice={practicePositions.find((p) => `practice:${p.practiceCode}` === applicant)!} on={isoOrNull(submittedOn) ?? todayIso()} />
              ) : (
                <PotHint pot={potOf(applicant, { positions, calculation })} own={applicant.startsWith('practice:') ? practicePositions.find((p) => `practice:${p.practiceCode}` === applicant) : undefined} />
              )}
              <TextInput id="application-title" name="title" label="Title" value={title} onChange={(e) => setTitle(e.target.value)} error={form.fieldError('application-title')} />
              <Textarea id="application-purpose" name="purpose" label="Purpose" hint="What the money is for and what it will change" rows={4} value={purpose} onChange={(e) => setPurpose(e.target.value)} error={form.fieldError('application-purpose')} />
              <Textarea id="application-milestones" name="milestones" label="Milestones (optional)" rows={3} value={milestones} onChange={(e) => setMilestones(e.target.value)} error={form.fieldError('application-milestones')} />
              <CostedLines lines={lines} onChange={setLines} fieldError={form.fieldError} />
              <DateField id="submitted-on" legend="Date of the application" hint="Today, or the day it was made if you are recording a paper application afterwards." value={submittedOn} onChange={setSubmittedOn} error={form.fieldError(dateFieldTarget('submitted-on'))} />
              <Button type="submit" disabled={form.pending}>
                Send application
              </Button>
            </form>
          </Col>
        </Row>
      )}
    </Loaded>
  );
}

/** Said before the form where the fund's last year has ended: an application dated after it can only be rejected, as nothing could be drawn. */
function FundEnded({ years }: { years: string[] }) {
  const end = fundEnd(years);
  if (!end || todayIso() <= end.closes) return null;
  return (
    <InsetText>
      <p>
        This fund’s last year, {end.year}, ended on {formatDate(end.closes)}. An application dated after that can only be rejected, as no money could be drawn against it. If you are recording a paper application made in time, give the day it was made.
      </p>
    </InsetText>
  );
}
