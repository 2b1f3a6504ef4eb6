import { Tag } from 'nhsuk-react-components';
import { type Settlement, settledAmountsWords, settlementStatus } from '../../../domain/schemes/settlement.js';

/**
 * A version's payments at a glance, for the schemes list and the versions table:
 * "Not invoiced", or an Invoiced or Paid tag over its day ("on 30 May 2018, invoiced 15 May 2018").
 * `version` names the version when it is not the one the row is about (an admin's draft); below, what
 * it was invoiced and paid for ("£70,024 invoiced, £66,692 paid"), where that was kept.
 */
export function SettlementStatus({ settlement, version }: { settlement: Settlement; version?: number | undefined }) {
  const { state, days } = settlementStatus(settlement, version);
  const money = settledAmountsWords(settlement);
  if (state === 'Not invoiced') return <span className="nhsuk-u-secondary-text-colour">{version ? `Version ${version} not invoiced` : 'Not invoiced'}</span>;
  return (
    <>
      {state === 'Paid' ? <Tag modifier="green">Paid</Tag> : <Tag modifier="blue">Invoiced</Tag>}
      <br />
      <span className="nhsuk-u-secondary-text-colour nhsuk-u-font-size-16">{days}</span>
      {money ? (
        <>
          <br />
          <span className="nhsuk-u-font-size-16">{money}</span>
        </>
      ) : null}
    </>
  );
}
