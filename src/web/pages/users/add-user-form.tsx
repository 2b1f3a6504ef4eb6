import { Button, Radios, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import type { Role, UserRow } from '../../api/types.js';
import { type FieldError, FormErrorSummary } from '../../components/form-errors.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm } from '../../components/use-api-form.js';
import { splitCodes } from '../../format/format.js';

export const roleLabels: Record<Role, string> = {
  admin: 'Federation admin',
  practice_manager: 'Practice manager',
  commissioner: 'Commissioner',
  clinician: 'Clinician',
};

const roleHints: Record<Role, string> = {
  admin: 'Can do everything: imports, groups, users',
  practice_manager: 'Reads everything; edits the local name and notes of their own practices',
  commissioner: 'Reads everything; decides per-head fund applications; changes nothing else',
  clinician: 'Reads everything',
};

const fields = {
  email: { id: 'user-email', label: 'Email address' },
  name: { id: 'user-name', label: 'Name' },
  role: { id: 'user-role-1', label: 'Role' },
  practiceCodes: { id: 'user-practices', label: 'Practices' },
  password: { id: 'user-password', label: 'Password' },
};

interface NewUser {
  email: string;
  name: string;
  role: Role;
  practiceCodes: string[];
  password: string;
}

/** Adds a user; a duplicate email comes back as a conflict shown in the error summary. */
export function AddUserForm() {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [practices, setPractices] = useState('');
  const [password, setPassword] = useState('');
  const form = useApiForm<NewUser, UserRow>((body) => ({ method: 'POST', path: '/api/users', body }), {
    invalidates: ['/api/users', '/api/audit'],
    fields,
    // A duplicate email is the one conflict this form can meet: point it at the email box.
    defaultField: 'user-email',
    onSuccess: () => {
      setEmail('');
      setName('');
      setRole('');
      setPractices('');
      setPassword('');
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.submit({ email: email.trim(), name: name.trim(), role: role as Role, practiceCodes: splitCodes(practices), password }, () => {
      const problems: FieldError[] = [];
      if (!email.trim()) problems.push({ field: 'user-email', message: 'Enter an email address' });
      else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) problems.push({ field: 'user-email', message: 'Enter an email address in the correct format, like name@nhs.net' });
      if (!name.trim()) problems.push({ field: 'user-name', message: 'Enter a name' });
      if (!role) problems.push({ field: 'user-role-1', message: 'Choose a role' });
      if (role === 'practice_manager' && !splitCodes(practices).length) problems.push({ field: 'user-practices', message: 'Enter the ODS code of at least one practice for a practice manager' });
      if (password.length < 12) problems.push({ field: 'user-password', message: 'Password must be at least 12 characters' });
      return problems;
    });
  }

  return (
    <section aria-labelledby="add-user">
      <h2 id="add-user">Add a user</h2>
      <SuccessBanner id="add-user" count={form.successes}>
        {form.result?.name} ({form.result?.email}) can now sign in.
      </SuccessBanner>
      <form onSubmit={submit} noValidate>
        <FormErrorSummary errors={form.errors} attempt={form.attempt} />
        <TextInput id="user-email" name="user-email" label="Email address" type="email" autoComplete="off" spellCheck={false} width={30} value={email} onChange={(e) => setEmail(e.target.value)} error={form.fieldError('user-email')} />
        <TextInput id="user-name" name="user-name" label="Name" autoComplete="off" width={30} value={name} onChange={(e) => setName(e.target.value)} error={form.fieldError('user-name')} />
        <Radios id="user-role" name="user-role" legend="Role" legendProps={{ size: 's' }} error={form.fieldError('user-role-1')}>
          {(Object.keys(roleLabels) as Role[]).map((r) => (
            <Radios.Item key={r} value={r} checked={role === r} onChange={() => setRole(r)} hint={roleHints[r]}>
              {roleLabels[r]}
            </Radios.Item>
          ))}
        </Radios>
        <TextInput id="user-practices" name="user-practices" label="Practices (ODS codes)" hint="The practices they work for, separated by commas or spaces. For example, C82001, C82002" width={30} code value={practices} onChange={(e) => setPractices(e.target.value)} error={form.fieldError('user-practices')} />
        <TextInput id="user-password" name="user-password" label="Password" hint="At least 12 characters. Give it to them in person or by phone, not by email." type="password" autoComplete="new-password" width={20} value={password} onChange={(e) => setPassword(e.target.value)} error={form.fieldError('user-password')} />
        <Button type="submit" disabled={form.pending}>
          Add user
        </Button>
      </form>
    </section>
  );
}
