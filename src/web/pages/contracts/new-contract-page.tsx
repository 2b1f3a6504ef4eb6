import { Col, Heading, Row } from 'nhsuk-react-components';
import { useNavigate } from 'react-router';
import { PageBreadcrumb } from '../../components/page-breadcrumb.js';
import { ContractForm } from './contract-form.js';

/** Adds a head contract to the register; its practices are added on its page next. */
export function NewContractPage() {
  const navigate = useNavigate();
  return (
    <Row>
      <Col width="two-thirds">
        <PageBreadcrumb items={[{ to: '/contracts', text: 'Contracts' }]} />
        <Heading headingLevel="h1">Add a contract</Heading>
        <ContractForm pageTitle="Add a contract" submitLabel="Add contract" onSaved={(c) => navigate(`/contracts/${c.id}`)} />
      </Col>
    </Row>
  );
}
