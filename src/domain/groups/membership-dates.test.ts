import { describe, expect, it } from 'vitest';
import { afterClosingRefusal, fitLocalitiesToParent, joinSpans, liesWithin, outsideParentRefusal, overlapMessage, type Span, uncoveredParts } from './membership-dates.js';

const span = (startDate: string, endDate: string | null = null): Span => ({ startDate, endDate });
const kibworth = 'Kibworth Medical Centre (C82001)';

describe('membership spans joined where they touch', () => {
  it.each<[string, Span[], Span[]]>([
    ['one ending 31 March and the next starting 1 April are one', [span('2020-04-01'), span('2017-04-01', '2020-03-31')], [span('2017-04-01')]],
    ['a gap of a day keeps them apart', [span('2017-04-01', '2020-03-30'), span('2020-04-01', '2021-03-31')], [span('2017-04-01', '2020-03-30'), span('2020-04-01', '2021-03-31')]],
    ['an open-ended one swallows what follows', [span('2017-04-01'), span('2019-04-01', '2019-06-30')], [span('2017-04-01')]],
    ['none', [], []],
  ])('%s', (_name, spans, joined) => expect(joinSpans(spans)).toEqual(joined));
});

describe('the parts of a span that other spans leave uncovered', () => {
  it.each<[string, Span, Span[], Span[]]>([
    ['a member since 2023, added from 2018: the years before', span('2018-04-01'), [span('2023-04-01')], [span('2018-04-01', '2023-03-31')]],
    ['a member 2019 to 2020, added from 2018: before and after', span('2018-04-01'), [span('2019-04-01', '2020-03-31')], [span('2018-04-01', '2019-03-31'), span('2020-04-01')]],
    ['wholly covered', span('2018-04-01', '2019-03-31'), [span('2017-04-01')], []],
    ['covered by two that touch', span('2018-04-01'), [span('2018-04-01', '2019-03-31'), span('2019-04-01')], []],
    ['a cover outside the span leaves all of it', span('2018-04-01', '2019-03-31'), [span('2020-04-01')], [span('2018-04-01', '2019-03-31')]],
    ['a cover ending inside an ended span', span('2018-04-01', '2020-03-31'), [span('2017-04-01', '2018-12-31')], [span('2019-01-01', '2020-03-31')]],
    ['no cover', span('2018-04-01'), [], [span('2018-04-01')]],
  ])('%s', (_name, wanted, cover, parts) => expect(uncoveredParts(wanted, cover)).toEqual(parts));
});

describe('a membership lying within others', () => {
  it.each<[string, Span, Span[], boolean]>([
    ['the same dates', span('2024-04-01'), [span('2024-04-01')], true],
    ['inside an ended one', span('2024-06-01', '2025-03-31'), [span('2024-04-01', '2026-03-31')], true],
    ['starting before', span('2020-04-01', '2021-03-31'), [span('2024-04-01')], false],
    ['open-ended inside an ended one', span('2024-04-01'), [span('2024-04-01', '2026-03-31')], false],
    ['across two that touch', span('2018-01-01', '2021-01-01'), [span('2017-04-01', '2019-03-31'), span('2019-04-01')], true],
    ['across a gap', span('2018-01-01', '2021-01-01'), [span('2017-04-01', '2019-03-31'), span('2019-05-01')], false],
    ['with nothing to lie in', span('2024-04-01'), [], false],
  ])('%s', (_name, membership, cover, within) => expect(liesWithin(membership, cover)).toBe(within));
});

describe('a locality membership must lie within the practice’s membership of the locality’s group', () => {
  const check = (membership: Span, parentMemberships: Span[]) => outsideParentRefusal({ practice: kibworth, locality: 'Harborough side', parent: 'Cross Counties PCN', membership, parentMemberships });
  it.each<[string, Span, Span[], ReturnType<typeof check>]>([
    ['within: no refusal', span('2024-04-01'), [span('2024-04-01')], null],
    [
      'not a member at all: names the group and says to add it first',
      span('2019-01-01'),
      [],
      { field: 'practiceCode', message: 'Kibworth Medical Centre (C82001) is not a member of Cross Counties PCN, so it cannot be in Harborough side, one of its localities: add it to Cross Counties PCN first' },
    ],
    [
      'before the group membership: the start date is wrong, and the dates it is a member are named',
      span('2020-04-01', '2021-03-31'),
      [span('2024-04-01')],
      { field: 'startDate', message: 'Kibworth Medical Centre (C82001) is a member of Cross Counties PCN from 1 April 2024 (no end date), so it can be in Harborough side only within those dates' },
    ],
    [
      'after it ends: the end date is wrong',
      span('2024-04-01'),
      [span('2024-04-01', '2026-03-31')],
      { field: 'endDate', message: 'Kibworth Medical Centre (C82001) is a member of Cross Counties PCN from 1 April 2024 to 31 March 2026, so it can be in Harborough side only within those dates' },
    ],
    [
      'several memberships are each named',
      span('2019-01-01'),
      [span('2017-04-01', '2018-03-31'), span('2020-04-01')],
      { field: 'startDate', message: 'Kibworth Medical Centre (C82001) is a member of Cross Counties PCN from 1 April 2017 to 31 March 2018 and from 1 April 2020 (no end date), so it can be in Harborough side only within those dates' },
    ],
  ])('%s', (_name, membership, parentMemberships, refusal) => expect(check(membership, parentMemberships)).toEqual(refusal));
});

describe('a clash with another membership says what would fit', () => {
  const other = (startDate: string, endDate: string | null) => ({ groupName: 'Harborough side', startDate, endDate });
  it.each<[string, ReturnType<typeof other>, Span, string]>([
    [
      'an ended one, this starting inside it: start after it, or end it earlier',
      other('2024-04-01', '2026-03-31'),
      span('2026-01-01'),
      'Kibworth Medical Centre (C82001) is in Harborough side from 1 April 2024 to 31 March 2026; start this membership on or after 1 April 2026, or end that one earlier',
    ],
    ['an open-ended one: end it first', other('2017-04-01', null), span('2025-04-01'), 'Kibworth Medical Centre (C82001) is already in Harborough side from 1 April 2017 (no end date); end that membership first'],
    ['this starting before an open-ended one: end this one the day before', other('2024-04-01', null), span('2023-01-01'), 'Kibworth Medical Centre (C82001) is in Harborough side from 1 April 2024 (no end date); end this membership by 31 March 2024'],
    [
      'this starting before an ended one: end it before, or start after',
      other('2024-04-01', '2026-03-31'),
      span('2023-01-01', '2024-06-30'),
      'Kibworth Medical Centre (C82001) is in Harborough side from 1 April 2024 to 31 March 2026; end this membership by 31 March 2024, or start it on or after 1 April 2026',
    ],
  ])('%s', (_name, clash, membership, message) => expect(overlapMessage(kibworth, clash, membership)).toBe(message));
});

describe('locality memberships after the group membership changes', () => {
  const harborough = { id: 1, ...span('2017-04-01') };
  const later = { id: 2, ...span('2026-04-01') };
  const ended = { id: 3, ...span('2017-04-01', '2019-03-31') };
  it.each<[string, Span[], (typeof harborough)[], ReturnType<typeof fitLocalitiesToParent>]>([
    ['still within: nothing to do', [span('2017-04-01')], [harborough, ended], { end: [], outside: [] }],
    ['the group membership ends: the locality membership ends on the same day', [span('2017-04-01', '2025-03-31')], [harborough, ended], { end: [{ membership: harborough, endDate: '2025-03-31' }], outside: [] }],
    ['one starting after the new end cannot be ended: it is named', [span('2017-04-01', '2025-03-31')], [later], { end: [], outside: [later] }],
    ['no group membership left: every locality membership is outside', [], [harborough], { end: [], outside: [harborough] }],
  ])('%s', (_name, parent, localities, fit) => expect(fitLocalitiesToParent(parent, localities)).toEqual(fit));
});

describe('a practice that has closed is a member of nothing after its close date', () => {
  const closed = 'Two Shires Medical Practice (C82036)';
  it.each<[string, string | null, Span, ReturnType<typeof afterClosingRefusal>]>([
    ['open practice, open-ended membership', null, { startDate: '2019-04-01', endDate: null }, null],
    ['ends on the close date', '2020-06-30', { startDate: '2019-04-01', endDate: '2020-06-30' }, null],
    ['ends before it closed', '2020-06-30', { startDate: '2019-04-01', endDate: '2020-03-31' }, null],
    ['no end date', '2020-06-30', { startDate: '2019-04-01', endDate: null }, { field: 'endDate', message: `${closed} closed on 30 June 2020: end this membership on or before that date` }],
    ['ends after it closed', '2020-06-30', { startDate: '2019-04-01', endDate: '2021-03-31' }, { field: 'endDate', message: `${closed} closed on 30 June 2020: end this membership on or before that date` }],
    ['starts after it closed', '2020-06-30', { startDate: '2020-07-01', endDate: null }, { field: 'startDate', message: `${closed} closed on 30 June 2020, before this membership would start` }],
  ])('%s', (_case, closeDate, membership, expected) => {
    expect(afterClosingRefusal(closed, closeDate, membership)).toEqual(expected);
  });
});
