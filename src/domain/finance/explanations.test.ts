import { describe, expect, it } from 'vitest';
import { openingAgainstLastYear, streamFeeds, streamsAgainstIe, streamsAgainstIeSentence } from './explanations.js';
import { seedIe, seedStreams } from '../../../test/support/finance-seeds.js';

describe('streamsAgainstIe: the streams’ secured income beside the I&E’s', () => {
  // The demo's shares: CBS, diabetes nurses and NHSE pharmacists pay 95% on to practices.
  const shares: Record<string, number> = { 'CBS (Health checks, contraception, alcohol)': 9500, 'Specialist diabetes nurses': 9500, 'NHSE pharmacists': 9500 };
  const streams = seedStreams().map((s) => ({ ...s, practicesShareBasisPoints: shares[s.name] ?? 0 }));
  const { income } = seedIe();

  it.each<[string, string, string | null]>([
    ['2018/19', 'ELR: £445,000 gross (£190,000 + £76,000 + £82,650 paid on) against the I&E’s £169,432', 'In 2018/19 the secured income streams bring in £445,000 gross, including £348,650 paid on to practices, while the I&E counts £169,432 of secured income: the federation’s own income lines (its share of some streams, and items such as carry-forwards that are not streams).'],
    ['2019/20', 'a year with no I&E lines says nothing', null],
  ])('%s: %s', (year, _name, expected) => {
    const found = streamsAgainstIe(streams, income, year);
    expect(found && streamsAgainstIeSentence(found)).toBe(expected);
  });

  it('takes a linked scheme’s exact payments to practices, as the cash flow does, and says so', () => {
    const winter = { ...streams[0]!, status: 'secured' as const, practicesShareBasisPoints: 9500, amounts: [{ financialYear: '2018/19', amountPence: 7_352_500, practicesPence: 6_669_200 }] };
    const found = streamsAgainstIe([winter], income, '2018/19')!;
    expect(found).toMatchObject({ streamsSecuredPence: 7_352_500, practicesPence: 6_669_200, fromSchemes: true });
    expect(streamsAgainstIeSentence(found)).toContain('bring in £73,525 gross, including £66,692 paid on to practices (as the cash flow counts them: a linked scheme’s invoice and payments in place of its stream’s planned amount), while');
  });

  it('leaves out "paid on" when nothing is', () => {
    expect(streamsAgainstIeSentence({ financialYear: '2018/19', streamsSecuredPence: 100_00, practicesPence: 0, ieSecuredPence: 50_00 })).toMatch(/^In 2018\/19 the secured income streams bring in £100 gross, while the I&E counts £50 /);
  });
});

describe('openingAgainstLastYear', () => {
  it.each<[string, { financialYear: string; closingPence: number } | null, number, string | null]>([
    ['last year closes higher than the plan opens', { financialYear: '2017/18', closingPence: 18_180_400 }, 5_603_200, '2017/18 closes at £181,804 in this cash flow; the plan opens 2018/19 at £56,032.'],
    ['they agree', { financialYear: '2017/18', closingPence: 5_603_200 }, 5_603_200, null],
    ['no year before in the plan', null, 5_603_200, null],
  ])('%s', (_name, previous, opening, expected) => {
    expect(openingAgainstLastYear(previous, '2018/19', opening)).toBe(expected);
  });
});

describe('streamFeeds: which reports a stream’s amounts feed', () => {
  const cbsLine = { financialYear: '2018/19', section: 'secured' as const, line: 'CBS net income', amountPence: 990_000 };
  it.each<[string, Parameters<typeof streamFeeds>[0], Parameters<typeof streamFeeds>[1], string[]]>([
    ['secured, 95% to practices, one linked line', { status: 'secured', practicesShareBasisPoints: 9500 }, [cbsLine], ['Its amounts count in the secured income totals and in the cash flow, paid as its terms say (the practices’ 95% share paid on as it comes in).', 'The I&E does not read these amounts: its income lines are typed separately. Its line “CBS net income” (secured, 2018/19, £9,900) is the federation’s share of this stream; scenarios move or drop it with the stream.']],
    ['potential, no share, no line', { status: 'potential', practicesShareBasisPoints: 0 }, [], ['Its amounts count in the potential income totals. The cash flow leaves them out until the stream is secured; a scenario can count it as won.', 'The I&E does not read these amounts: its income lines are typed separately, and none is linked to this stream.']],
    ['ended, two lines', { status: 'ended', practicesShareBasisPoints: 0 }, [cbsLine, { ...cbsLine, financialYear: '2019/20' }], ['An ended stream counts as secured income, and in the cash flow, in the years up to its end date, when its money came in, and in no year after it (in none without an end date).', 'The I&E does not read these amounts: its income lines are typed separately. Its lines “CBS net income” (secured, 2018/19, £9,900) and “CBS net income” (secured, 2019/20, £9,900) are the federation’s share of this stream; scenarios move or drop them with the stream.']],
  ])('%s', (_name, stream, lines, expected) => {
    expect(streamFeeds(stream, lines)).toEqual(expected);
  });
});
