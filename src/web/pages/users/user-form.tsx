import { Button, Details, Radios, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import type { Role, UserRow } from '../../api/types.js';
import { type FieldError, FormErrorSummary } from '../../components/form-errors.js';
import { useApiQuery } from '../../api/use-api.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { SummaryRows } from '../../components/summary-rows.js';
import { useApiForm } from '../../components/use-api-form.js';
import { splitCodes } from '../../format/format.js';

export const roleLabels: Record<Role, string> = {
  admin: 'Federation admin',
  practice_manager: 'Practice manager',
  commissioner: 'Commissioner',
  clinician: 'Clinician',
};

/** GET /api/roles: each role with what it may do, worded from the server's permission rules. */
interface RoleChoice {
  role: Role;
  label: string;
  description: string;
}

export function useRoleDescriptions(): Partial<Record<Role, string>> {
  const choices = useApiQuery<{ items: RoleChoice[] }>('/api/roles');
  return Object.fromEntries((choices.data?.items ?? []).map((c) => [c.role, c.description]));
}

/** What each role may do, as a short list on the users page. */
export function RoleSummary() {
  const descriptions = useRoleDescriptions();
  if (!Object.keys(descriptions).length) return null;
  return (
    <Details>
      <Details.Summary>What each role can do</Details.Summary>
      <Details.Text>
        <SummaryRows rows={(Object.keys(roleLabels) as Role[]).map((role) => ({ key: roleLabels[role], value: descriptions[role] }))} noBorder />
      </Details.Text>
    </Details>
  );
}

/** The inputs' ids, apart for the add form (`user-…`) and the change form (`edit-user-…`), which can be open together. */
const idsFor = (prefix: string) => ({ email: `${prefix}-email`, name: `${prefix}-name`, role: `${prefix}-role`, practices: `${prefix}-practices`, password: `${prefix}-password` });
const fieldsFor = (id: ReturnType<typeof idsFor>) => ({
  email: { id: id.email, label: 'Email address' },
  name: { id: id.name, label: 'Name' },
  role: { id: `${id.role}-1`, label: 'Role' },
  practiceCodes: { id: id.practices, label: 'Practices' },
  password: { id: id.password, label: 'Password' },
});

interface UserBody {
  email?: string;
  name: string;
  role: Role;
  practiceCodes: string[];
  password?: string;
  rowVersion?: number;
}

/**
 * Adds a user, or changes one (`user`): name, role, practices and, when typed, a new password. A
 * duplicate email comes back as a conflict naming the email field, and an edit made stale by
 * someone else's as the conflict message. A change signs nobody out, but takes effect at their next request.
 */
export function UserForm({ user, onDone }: { user?: UserRow; onDone?(saved?: UserRow): void }) {
  const editing = user !== undefined;
  const roleHints = useRoleDescriptions();
  const ids = editing ? 'edit-user' : 'add-user';
  const id = idsFor(editing ? 'edit-user' : 'user');
  const [email, setEmail] = useState('');
  const [name, setName] = useState(user?.name ?? '');
  const [role, setRole] = useState<Role | ''>(user?.role ?? '');
  const [practices, setPractices] = useState(user?.practiceCodes.join(', ') ?? '');
  const [password, setPassword] = useState('');
  const form = useApiForm<UserBody, UserRow>((body) => (editing ? { method: 'PATCH', path: `/api/users/${user.id}`, body } : { method: 'POST', path: '/api/users', body }), {
    invalidates: ['/api/users', '/api/audit'],
    fields: fieldsFor(id),
    onSuccess: (saved) => {
      setPassword('');
      if (editing) return onDone?.(saved);
      setEmail('');
      setName('');
      setRole('');
      setPractices('');
    },
  });

  const takesPractices = role === 'practice_manager' || role === 'clinician';

  function submit(event: FormEvent) {
    event.preventDefault();
    // An admin or a commissioner sees every practice: they are given none (a manager made one loses theirs).
    const common = { name: name.trim(), role: role as Role, practiceCodes: takesPractices ? splitCodes(practices) : [] };
    const body: UserBody = editing ? { ...common, rowVersion: user.rowVersion, ...(password ? { password } : {}) } : { ...common, email: email.trim(), password };
    form.submit(body, () => {
      const problems: FieldError[] = [];
      if (!editing && !email.trim()) problems.push({ field: id.email, message: 'Enter an email address' });
      else if (!editing && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) problems.push({ field: id.email, message: 'Enter an email address in the correct format, like name@nhs.net' });
      if (!name.trim()) problems.push({ field: id.name, message: 'Enter a name' });
      if (!role) problems.push({ field: `${id.role}-1`, message: 'Choose a role' });
      if (role === 'practice_manager' && !splitCodes(practices).length) problems.push({ field: id.practices, message: 'Enter the ODS code of at least one practice for a practice manager' });
      if ((!editing || password) && password.length < 12) problems.push({ field: id.password, message: 'Password must be at least 12 characters' });
      return problems;
    });
  }

  return (
    <section aria-labelledby={ids} className={editing ? 'app-panel' : undefined}>
      <h2 id={ids} tabIndex={-1}>{editing ? `Change ${user.name} (${user.email})` : 'Add a user'}</h2>
      <SuccessBanner id={ids} count={editing ? 0 : form.successes}>
        {form.result?.name} ({form.result?.email}) can now sign in.
      </SuccessBanner>
      <form onSubmit={submit} noValidate aria-label={editing ? `Change ${user.name}` : 'Add a user'}>
        <FormErrorSummary errors={form.errors} attempt={form.attempt} />
        {editing ? null : <TextInput id={id.email} name={id.email} label="Email address" type="email" autoComplete="off" spellCheck={false} width={30} value={email} onChange={(e) => setEmail(e.target.value)} error={form.fieldError(id.email)} />}
        <TextInput id={id.name} name={id.name} label="Name" autoComplete="off" width={30} value={name} onChange={(e) => setName(e.target.value)} error={form.fieldError(id.name)} />
        <Radios id={id.role} name={id.role} legend="Role" legendProps={{ size: 's' }} error={form.fieldError(`${id.role}-1`)}>
          {(Object.keys(roleLabels) as Role[]).map((r) => (
            <Radios.Item key={r} value={r} checked={role === r} onChange={() => setRole(r)} hint={roleHints[r]}>
              {roleLabels[r]}
            </Radios.Item>
          ))}
        </Radios>
        {takesPractices ? <TextInput id={id.practices} name={id.practices} label="Practices (ODS codes)" hint="The practices they work for, separated by commas or spaces. For example, C82001, C82002" width={30} code value={practices} onChange={(e) => setPractices(e.target.value)} error={form.fieldError(id.practices)} /> : null}
        <TextInput id={id.password} name={id.password} label={editing ? 'New password (optional)' : 'Password'} hint={`${editing ? 'Leave blank to keep their password; a new one signs them out everywhere. ' : ''}At least 12 characters. Give it to them in person or by phone, not by email.`} type="password" autoComplete="new-password" width={20} value={password} onChange={(e) => setPassword(e.target.value)} error={form.fieldError(id.password)} />
        <div className="nhsuk-button-group">
          <Button type="submit" disabled={form.pending}>
            {editing ? 'Save changes' : 'Add user'}
          </Button>
          {editing ? (
            <Button type="button" secondary onClick={() => onDone?.()}>
              Cancel
            </Button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
