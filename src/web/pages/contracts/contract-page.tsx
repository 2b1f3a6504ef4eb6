import { Button, Details, Heading, InsetText, Tag, WarningCallout } from 'nhsuk-react-components';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { PageBreadcrumb } from '../../components/page-breadcrumb.js';
import { Loaded, usePageTitle } from '../../components/page-states.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { SummaryRows } from '../../components/summary-rows.js';
import { formatDate, formatList, formatMoney } from '../../format/format.js';
import { defaultReminderDays } from '../../../domain/contracts/contract-reminders.js';
import { ContractForm } from './contract-form.js';
import { MarkSignedButton, SubContractForm } from './sub-contract-forms.js';
import { ContractDocumentsSection } from './contract-documents-section.js';
import { type ContractDetail, type SubContract } from './types.js';
import { formatBp } from '../../../domain/contracts/sub-contract-rules.js';
import { valueBasisWords } from '../../../domain/contracts/value-basis.js';
import './contracts.css';

function subContractColumns(admin: boolean, change: (s: SubContract) => void): Column<SubContract>[] {
  return [
    { key: 'practice', header: 'Practice', cell: (s) => `${s.practiceName} (${s.practiceCode})` },
    { key: 'signed', header: 'Signed', nowrap: true, cell: (s) => (s.signedDate ? formatDate(s.signedDate) : <Tag modifier="red">Not signed</Tag>) },
    { key: 'share', header: 'Practice share of tariff', numeric: true, cell: (s) => formatBp(s.shareBp) },
    { key: 'notes', header: 'Notes', long: true, cell: (s) => s.notes ?? '' },
    ...(admin
      ? [
          {
            key: 'action',
            header: 'Action',
            cell: (s: SubContract) => (
              <div className="app-inline-form">
                {s.signedDate ? null : <MarkSignedButton subContract={s} />}
                <Button secondary small type="button" onClick={() => change(s)} data-change-sub-contract={s.id}>
                  Change<span className="nhsuk-u-visually-hidden"> {s.practiceName}’s sub-contract</span>
                </Button>
              </div>
            ),
          },
        ]
      : []),
  ];
}

/** One head contract: terms and key dates, the practices under it (who has not signed), and its documents. */
export function ContractPage() {
  const { id } = useParams();
  const user = useUser();
  const admin = isAdmin(user);
  const detail = useApiQuery<ContractDetail>(`/api/contracts/${id}/overview`);
  // The sub-contract being corrected, shown in the form below the table instead of "Add a practice".
  const [changing, setChanging] = useState<number | null>(null);
  const [changed, setChanged] = useState({ count: 0, what: '' });
  usePageTitle(detail.data?.contract.title ?? 'Contract');
  return (
    <Loaded query={detail} what="contract">
      {({ contract, subContracts, documents, practicesToAdd }) => (
        <>
          <PageBreadcrumb items={[{ to: '/contracts', text: 'Contracts' }]} />
          <Heading headingLevel="h1">{contract.title}</Heading>
          {contract.reminders.length ? (
            <WarningCallout>
              <WarningCallout.Heading>Dates due within {defaultReminderDays} days</WarningCallout.Heading>
              <ul>
                {contract.reminders.map((r) => (
                  <li key={r.kind}>
                    {r.message}: {formatDate(r.date)}
                  </li>
                ))}
              </ul>
            </WarningCallout>
          ) : null}
          <SummaryRows
            rows={[
              { key: 'Reference', value: contract.reference },
              { key: 'Commissioner', value: contract.commissioner },
              { key: 'Parties', value: contract.parties },
              { key: 'Footprint', value: contract.footprintName },
              { key: 'Runs', value: `${formatDate(contract.startDate)} to ${contract.endDate ? formatDate(contract.endDate) : 'no end date'}` },
              { key: 'Notice', value: contract.noticePeriodDays === null ? null : `${contract.noticePeriodDays} days: give notice by ${formatDate(contract.noticeDate)}` },
              { key: 'Renewal date', value: formatDate(contract.renewalDate) },
              { key: 'Value', value: contract.valuePence === null ? null : `${formatMoney(contract.valuePence)} ${valueBasisWords[contract.valueBasis]}` },
              { key: 'Federation fee', value: formatBp(contract.federationFeeBp) },
              { key: 'About', value: contract.description },
            ]}
          />
          {admin ? (
            <Details>
              <Details.Summary>Change the contract’s details</Details.Summary>
              <Details.Text>
                <ContractForm contract={contract} submitLabel="Save changes" />
              </Details.Text>
            </Details>
          ) : null}
          {/* A practice manager is shown their own practices' sub-contracts only, and told so. */}
          <Heading headingLevel="h2">{user.role === 'practice_manager' ? 'Your practices under this contract' : 'Practices sub-contracted'}</Heading>
          <SuccessBanner id="sub-contract-changed" count={changed.count}>
            {changed.what}
          </SuccessBanner>
          {contract.unsignedPractices.length ? (
            <InsetText>
              <p>
                {user.role === 'practice_manager' ? 'Not signed yet' : `${contract.unsignedPractices.length} of ${contract.subContractCount} practices ${contract.unsignedPractices.length === 1 ? 'has' : 'have'} not signed`}: {formatList(contract.unsignedPractices.map((p) => p.practiceName))}.
              </p>
            </InsetText>
          ) : null}
          <DataTable caption="Sub-contracts" captionHidden columns={subContractColumns(admin, (s) => setChanging(s.id))} rows={subContracts} rowKey={(s) => s.id} empty="No practices are sub-contracted yet." compact />
          {admin && changing === null && !practicesToAdd.length ? <p className="nhsuk-body">Every practice of the contract’s footprint is sub-contracted: there are none to add.</p> : null}
          {admin && (changing !== null || practicesToAdd.length > 0) ? <SubContractForm key={changing ?? 'add'} contract={contract} practices={practicesToAdd} editing={subContracts.find((s) => s.id === changing)} onDone={(what) => {
                setChanging(null);
                if (what) setChanged((c) => ({ count: c.count + 1, what }));
              }}
            /> : null}
          {admin || user.role === 'commissioner' ? (
            <>
              <ContractDocumentsSection contractId={contract.id} documents={documents} admin={admin} />
            </>
          ) : null}
        </>
      )}
    </Loaded>
  );
}
