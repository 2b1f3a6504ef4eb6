import { BackLink, Button, Col, Heading, Radios, Row, Textarea, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Group, GroupKind } from '../../api/types.js';
import { type FieldError, FormErrorSummary } from '../../components/form-errors.js';
import { usePageTitle } from '../../components/page-states.js';
import { useApiForm } from '../../components/use-api-form.js';
import { CommissionerField } from './commissioner-field.js';
import { groupKindLabels, topLevelKinds } from './group-kinds.js';

interface NewGroup {
  name: string;
  kind: GroupKind;
  commissionerCode: string | null;
  description: string | null;
}

const fields = {
  name: { id: 'group-name', label: 'Name' },
  kind: { id: 'group-kind-1', label: 'Kind' },
  commissionerCode: { id: 'group-commissioner', label: 'Commissioner code' },
  description: { id: 'group-description', label: 'Description' },
};

/** Creates a federation, PCN, ICB footprint or peer group; members and localities are added on its page next. */
export function NewGroupPage() {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<GroupKind>('federation');
  const [commissioner, setCommissioner] = useState('');
  const [description, setDescription] = useState('');
  const form = useApiForm<NewGroup, Group>((body) => ({ method: 'POST', path: '/api/groups', body }), {
    invalidates: ['/api/groups'],
    fields,
    onSuccess: (group) => navigate(`/groups/${group.id}`),
  });
  usePageTitle(form.errors.length ? 'Error: Set up a group' : 'Set up a group');

  function submit(event: FormEvent) {
    event.preventDefault();
    form.submit({ name: name.trim(), kind, commissionerCode: commissioner.trim().toUpperCase() || null, description: description.trim() || null }, () => {
      const problems: FieldError[] = [];
      if (!name.trim()) problems.push({ field: 'group-name', message: 'Enter a name for the group' });
      return problems;
    });
  }

  return (
    <Row>
      <Col width="two-thirds">
        <BackLink asElement={Link} to="/groups">
          Back to groups
        </BackLink>
        <FormErrorSummary errors={form.errors} attempt={form.attempt} />
        <Heading headingLevel="h1">Set up a group</Heading>
        <p className="nhsuk-body">After you create it, add its member practices and localities on its page.</p>
        <form onSubmit={submit} noValidate>
          <TextInput id="group-name" name="group-name" label="Name" hint="For example, East Leicestershire & Rutland GP Federation" value={name} onChange={(e) => setName(e.target.value)} error={form.fieldError('group-name')} />
          <Radios id="group-kind" name="group-kind" legend="Kind of group" legendProps={{ size: 's' }} error={form.fieldError('group-kind-1')}>
            {topLevelKinds.map((k) => (
              <Radios.Item key={k} value={k} checked={kind === k} onChange={() => setKind(k)}>
                {groupKindLabels[k]}
              </Radios.Item>
            ))}
          </Radios>
          <CommissionerField id="group-commissioner" optional value={commissioner} onChange={setCommissioner} error={form.fieldError('group-commissioner')} />
          <Textarea id="group-description" name="group-description" label="Description (optional)" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} error={form.fieldError('group-description')} />
          <Button type="submit" disabled={form.pending}>
            Create group
          </Button>
        </form>
      </Col>
    </Row>
  );
}
