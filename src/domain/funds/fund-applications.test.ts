import { describe, expect, it } from 'vitest';
import { calculateFund } from './fund-calculator.js';
import { checkApprovalDate, checkBusinessCase, checkDrawdown, checkDrawdownDate, commitmentOf, decide, fundEnd, heldBeyondShareSentences, positionOf, type ApplicationMoney } from './fund-applications.js';

// The boundaries of each rule, and the field each refusal names (the form puts the message beside that field).
// Written to pin what mutation testing found untested: a `<=` read as `<`, a status left out of a sum.

const refusal = (message: string | RegExp, problems: { field: string; message: string }[]) =>
  expect.objectContaining({ kind: 'invalid', message: typeof message === 'string' ? message : expect.stringMatching(message), problems });

describe('a business case', () => {
  it.each([
    { case: 'no lines', lines: [], message: 'A business case needs at least one costed line', problems: [{ field: 'lines', message: 'add at least one costed line' }] },
    { case: 'a blank second line', lines: [{ description: 'Paramedic', amountPence: 100 }, { description: '  ', amountPence: 5 }], message: 'Costed line 2 needs a description', problems: [{ field: 'lines.1.description', message: 'enter what the money is for' }] },
    { case: 'lines adding up to exactly £0', lines: [{ description: 'Paramedic', amountPence: 500 }, { description: 'Refund', amountPence: -500 }], message: 'The costed lines add up to nothing', problems: [{ field: 'lines', message: 'the costed lines must add up to more than £0' }] },
    { case: 'lines adding up to less than £0', lines: [{ description: 'Refund', amountPence: -1 }], message: 'The costed lines add up to nothing', problems: [{ field: 'lines', message: 'the costed lines must add up to more than £0' }] },
  ])('is refused with $case, naming the field', ({ lines, message, problems }) => {
    expect(() => checkBusinessCase(lines)).toThrow(refusal(message, problems));
  });

  it('of a single penny is accepted', () => {
    expect(checkBusinessCase([{ description: 'Stamps', amountPence: 1 }])).toBe(1);
  });
});

describe('a part-approval of a £10 request', () => {
  const waiting = { status: 'submitted', requestedPence: 1000, approvedPence: null } as const;
  const tooMuchOrNothing = refusal('A part-approval must be more than £0 and less than the £10 asked for', [{ field: 'approvedAmount', message: 'must be more than £0 and less than £10' }]);

  it.each([
    ['no amount', undefined],
    ['an empty amount', null],
    ['£0', 0],
    ['less than £0', -1],
    ['the whole £10', 1000],
  ])('is refused for %s', (_case, approvedPence) => {
    expect(() => decide(waiting, { outcome: 'part_approve', approvedPence, reason: 'Phase 1 only' })).toThrow(tooMuchOrNothing);
  });

  it.each([1, 999])('is accepted for %ip', (approvedPence) => {
    expect(decide(waiting, { outcome: 'part_approve', approvedPence, reason: 'Phase 1 only' })).toEqual({ status: 'part_approved', approvedPence });
  });

  it.each([
    ['part_approve', 'Say why only part is approved', 'enter the reason for part-approving'],
    ['reject', 'Say why the application is rejected', 'enter the reason for rejecting'],
  ] as const)('to %s needs a reason that is more than spaces', (outcome, message, fieldMessage) => {
    expect(() => decide(waiting, { outcome, approvedPence: 400, reason: '   ' })).toThrow(refusal(message, [{ field: 'reason', message: fieldMessage }]));
  });
});

describe('what an application holds against its pot', () => {
  // A rejected or withdrawn application holds nothing, whatever sum is on its record.
  it.each<[ApplicationMoney['status'], number | null, number]>([
    ['submitted', null, 1000],
    ['approved', 1000, 1000],
    ['part_approved', 400, 400],
    ['rejected', 400, 0],
    ['withdrawn', 400, 0],
  ])('a %s application (approved %s) holds %ip of a £10 request', (status, approvedPence, held) => {
    expect(commitmentOf({ status, requestedPence: 1000, approvedPence })).toBe(held);
  });

  it('counts approvals in full and part in the pot’s position, and nothing rejected', () => {
    const apps = [
      { status: 'approved', requestedPence: 700, approvedPence: 700, drawnPence: 0 },
      { status: 'part_approved', requestedPence: 500, approvedPence: 200, drawnPence: 50 },
      { status: 'rejected', requestedPence: 900, approvedPence: 0, drawnPence: 0 },
    ] as const;
    const approved = 700 + 200;
    expect(positionOf('Rutland', 2000, apps)).toEqual({ name: 'Rutland', allocatedPence: 2000, requestedPence: 0, approvedPence: approved, drawnPence: 50, remainingPence: 2000 - approved });
  });
});

describe('a drawdown against £6 approved, £4 drawn already', () => {
  const approved = { status: 'approved', requestedPence: 600, approvedPence: 600 } as const;

  it('is accepted on a fully approved application up to what is left', () => {
    expect(() => checkDrawdown(approved, 400, 200, 'Invoice 17')).not.toThrow();
  });

  it.each([
    ['£0', 0, 'Invoice 17', 'A drawdown must be more than £0', [{ field: 'amount', message: 'must be more than £0' }]],
    ['less than £0', -100, 'Invoice 17', 'A drawdown must be more than £0', [{ field: 'amount', message: 'must be more than £0' }]],
    ['evidence of only spaces', 100, '   ', 'A drawdown needs evidence', [{ field: 'evidence', message: 'enter the evidence (an invoice, a timesheet, a receipt)' }]],
    ['a penny more than is left', 201, 'Invoice 17', /^This drawdown is more than was approved: £6 approved, £4 drawn already, so at most £2 can be drawn$/, [{ field: 'amount', message: 'must be at most £2: £6 approved, £4 drawn already' }]],
  ] as const)('is refused for %s, naming the field', (_case, amount, evidence, message, problems) => {
    expect(() => checkDrawdown(approved, 400, amount, evidence)).toThrow(refusal(message, [...problems]));
  });
});

describe('the fund’s dates', () => {
  it('has no end when it has no years', () => {
    expect(fundEnd([])).toBeNull();
    expect(fundEnd(['2018/19', '2017/18'])).toEqual({ year: '2018/19', closes: '2019-03-31' });
  });

  it('names the date field in a refused drawdown or approval', () => {
    const message = '1 April 2019 is after the fund’s last year, 2018/19, ended on 31 March 2019';
    expect(() => checkDrawdownDate('2019-04-01', ['2018/19'])).toThrow(refusal(`The drawdown date is wrong: ${message}`, [{ field: 'drawnOn', message }]));
    expect(() => checkApprovalDate('2019-04-01', ['2018/19'])).toThrow(refusal(/^The approval is too late/, [{ field: 'decidedOn', message: 'must be 31 March 2019 or earlier to approve' }]));
  });
});

describe('a pot held beyond its share', () => {
  it('says "approved (… of it drawn)" when all that was approved is drawn, and "drawn" only when more was drawn than approved', () => {
    expect(heldBeyondShareSentences([
      { name: 'Rutland', allocatedPence: 500, approvedPence: 600, drawnPence: 600 },
      { name: 'Harborough', allocatedPence: 500, approvedPence: 600, drawnPence: 601 },
    ])).toEqual([
      'Rutland: £6 approved (£6 of it drawn) against a share now £5 after changes to the footprint’s members or their list sizes',
      'Harborough: £6.01 drawn against a share now £5 after changes to the footprint’s members or their list sizes',
    ]);
  });
});

describe('a fund’s localities', () => {
  it('are listed by name, whatever order their practices come in', () => {
    const fund = calculateFund([{ year: '2018/19', ratePence: 100 }], [
      { code: 'C1', name: 'Oakham', locality: 'Rutland', listSize: 10 },
      { code: 'C2', name: 'Kibworth', locality: 'Harborough', listSize: 20 },
      { code: 'C3', name: 'Market Overton', locality: 'Rutland', listSize: 5 },
    ]);
    expect(fund.localities.map((l) => [l.name, l.listSize, l.totalPence])).toEqual([
      ['Harborough', 20, 100 * 20],
      ['Rutland', 15, 100 * 15],
    ]);
  });
});
