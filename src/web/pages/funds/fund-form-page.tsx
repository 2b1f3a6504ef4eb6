import { Col, Heading, Row } from 'nhsuk-react-components';
import { useNavigate, useParams } from 'react-router';
import { useApiQuery } from '../../api/use-api.js';
import { PageBreadcrumb } from '../../components/page-breadcrumb.js';
import { Loaded, usePageTitle } from '../../components/page-states.js';
import { type FormField, RecordForm } from '../../components/record-form.js';
import { formatPence } from '../../../domain/schemes/format-money.js';
import { useFootprintOptions } from '../contracts/footprint-options.js';

interface FundRecord {
  id: number;
  name: string;
  rates: { year: string; ratePence: number }[];
  rowVersion: number;
}

/** The fund's inputs; rates are typed as the fund CSV writes them, "2017/18: £0.50; 2018/19: £2". */
function fundFields(footprints: { value: string; label: string }[]): FormField[] {
  return [
    { name: 'name', label: 'Name', required: true, missing: 'Enter a name for the fund' },
    { name: 'commissioner', label: 'Funder', hint: 'The commissioner that gives the money, for example ELR CCG', required: true, missing: 'Enter who gives the money' },
    { name: 'footprintGroupId', label: 'Footprint', hint: 'The federation or locality whose practices share the fund', kind: 'select', options: [{ value: '', label: 'Choose a group' }, ...footprints], required: true, missing: 'Choose the group whose practices share the fund' },
    { name: 'listSnapshotDate', label: 'List sizes at', hint: 'The date of the registered lists the fund is shared on, for example 1 1 2018', kind: 'date', required: true, missing: 'Enter the date of the list sizes the fund is shared on' },
    {
      name: 'rates',
      label: 'Rate per patient for each financial year',
      hint: 'Separate the years with semicolons, for example 2017/18: £0.50; 2018/19: £2',
      required: true,
      missing: 'Enter the rate a patient for at least one financial year',
      read: (fund) => (fund.rates as FundRecord['rates']).map((r) => `${r.year}: ${formatPence(r.ratePence)}`).join('; '),
    },
    { name: 'description', label: 'About the fund (optional)', kind: 'textarea' },
  ];
}

const invalidates = ['/api/fund'];

/** Sets up a per-head fund (admins); its page then shows what it comes to and each locality's share. */
export function NewFundPage() {
  usePageTitle('Add a fund');
  const navigate = useNavigate();
  const footprints = useFootprintOptions();
  return (
    <Row>
      <Col width="two-thirds">
        <PageBreadcrumb items={[{ to: '/funds', text: 'Funds' }]} />
        <Heading headingLevel="h1">Add a fund</Heading>
        {footprints.length ? <RecordForm<FundRecord> resource="funds" id="fund" heading="The fund" fields={fundFields(footprints)} submitLabel="Add fund" saved={(f) => `Added ${f.name}.`} onSaved={(f) => navigate(`/funds/${f.id}`)} invalidates={invalidates} /> : null}
      </Col>
    </Row>
  );
}

/** Changes a fund's details, rates or list date (admins), sending the version read. */
export function EditFundPage() {
  const { id } = useParams();
  const fund = useApiQuery<FundRecord>(`/api/funds/${id}`);
  const footprints = useFootprintOptions();
  usePageTitle(fund.data ? `Change ${fund.data.name}` : 'Change a fund');
  return (
    <Row>
      <Col width="two-thirds">
        <PageBreadcrumb items={[{ to: '/funds', text: 'Funds' }, { to: `/funds/${id}`, text: fund.data?.name ?? 'Fund' }]} />
        <Heading headingLevel="h1">Change a fund</Heading>
        <Loaded query={fund} what="fund">
          {(f) => (footprints.length ? <RecordForm<FundRecord> resource="funds" id="fund" heading={f.name} fields={fundFields(footprints)} record={f} submitLabel="Save changes" saved={(saved) => `Saved ${saved.name}.`} invalidates={invalidates} /> : null)}
        </Loaded>
      </Col>
    </Row>
  );
}
