import { Button, Col, Heading, Row, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { FormErrorSummary, type FieldError } from '../../components/form-errors.js';
import { usePageTitle } from '../../components/page-states.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm } from '../../components/use-api-form.js';

const fields = {
  currentPassword: { id: 'current-password', label: 'Current password' },
  newPassword: { id: 'new-password', label: 'New password' },
  again: { id: 'new-password-again', label: 'New password again' },
};

/**
 * Anyone signed in changes their own password, so the admin who set it no longer knows it. Their
 * other sign-ins end (another browser, a shared PC); this one goes on.
 */
export function PasswordPage() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const form = useApiForm<{ currentPassword: string; newPassword: string }>((body) => ({ method: 'POST', path: '/api/session/password', body }), {
    fields,
    onSuccess: () => (setCurrent(''), setNext(''), setAgain('')),
  });
  usePageTitle(form.errors.length ? 'Error: Change your password' : 'Change your password');

  function submit(event: FormEvent) {
    event.preventDefault();
    form.submit({ currentPassword: current, newPassword: next }, () => {
      const problems: FieldError[] = [];
      if (!current) problems.push({ field: fields.currentPassword.id, message: 'Enter your current password' });
      if (next.length < 12) problems.push({ field: fields.newPassword.id, message: 'New password must be at least 12 characters' });
      else if (next !== again) problems.push({ field: fields.again.id, message: 'Enter the same new password twice' });
      return problems;
    });
  }

  return (
    <Row>
      <Col width="two-thirds">
        <FormErrorSummary errors={form.errors} attempt={form.attempt} />
        <SuccessBanner id="password-changed" count={form.successes}>
          Your password is changed. You are signed out anywhere else you were signed in.
        </SuccessBanner>
        <Heading headingLevel="h1">Change your password</Heading>
        <p className="nhsuk-body">Use at least 12 characters. A few words you will remember make a good password, for example “green kettle window 42”.</p>
        <form onSubmit={submit} noValidate>
          <TextInput id={fields.currentPassword.id} name="current-password" label={fields.currentPassword.label} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={form.fieldError(fields.currentPassword.id)} />
          <TextInput id={fields.newPassword.id} name="new-password" label={fields.newPassword.label} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.currentTarget.value)} error={form.fieldError(fields.newPassword.id)} />
          <TextInput id={fields.again.id} name="new-password-again" label={fields.again.label} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.currentTarget.value)} error={form.fieldError(fields.again.id)} />
          <Button type="submit" disabled={form.pending}>
            Change password
          </Button>
        </form>
      </Col>
    </Row>
  );
}
