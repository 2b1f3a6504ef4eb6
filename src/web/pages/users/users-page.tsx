import { Button, Heading, Tag, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useEffect, useState } from 'react';
import type { UserRow } from '../../api/types.js';
import { useUser } from '../../auth/session.js';
import { ConfirmQuestion } from '../../components/confirm-question.js';
import type { Column } from '../../components/data-table.js';
import { FormErrorSummary } from '../../components/form-errors.js';
import { usePageTitle } from '../../components/page-states.js';
import { RecordTable, useListParams } from '../../components/record-table.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm } from '../../components/use-api-form.js';
import { formatDateTime } from '../../format/format.js';
import { RoleSummary, roleLabels, UserForm } from './user-form.js';
import { isAnonymised, useAnonymise } from './anonymise-user.js';
import { keepFocusOnSubmitOf, useFocusBackOnClose } from '../../components/use-focus-on.js';

/** Disables or re-enables users, sending the version read; a stale version gets the conflict message. */
function useToggleDisabled() {
  return useApiForm((user: UserRow) => ({ method: 'PATCH', path: `/api/users/${user.id}`, body: { rowVersion: user.rowVersion, disabled: !user.disabled } }), { invalidates: ['/api/users', '/api/audit'] });
}

function SearchForm({ initial, onSearch }: { initial: string; onSearch(q: string): void }) {
  const [q, setQ] = useState(initial);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch(q.trim());
    keepFocusOnSubmitOf(event.currentTarget);
  }
  return (
    <form className="app-inline-form" role="search" aria-label="Search users" onSubmit={submit}>
      <TextInput id="user-search" name="q" label="Search by name or email" width={20} value={q} onChange={(e) => setQ(e.target.value)} />
      <Button type="submit" secondary>
        Search
      </Button>
    </form>
  );
}

/** "Disable Jo Bloggs?" with what it does, and the two answers. */
function ConfirmDisable({ user, onAnswer }: { user: UserRow; onAnswer(yes: boolean): void }) {
  return (
    <ConfirmQuestion id="confirm-disable" question={`Disable ${user.name}?`} yes={`Yes, disable ${user.name}`} onAnswer={onAnswer}>
      {user.name} ({user.email}) will be signed out at once and cannot sign in until an admin enables them again. Their records and the audit log stay as they are.
    </ConfirmQuestion>
  );
}

/** The change form for one user, its heading focused when it opens so a keyboard user lands on it. */
function EditUser({ user, onDone }: { user: UserRow; onDone(saved?: UserRow): void }) {
  // Closed (saved or cancelled), focus goes back to the user's Change button, unless the saved banner took it.
  useFocusBackOnClose();
  useEffect(() => document.getElementById('edit-user')?.focus(), []);
  return <UserForm user={user} onDone={onDone} />;
}

/** Admins: who can sign in, with what role and for which practices; add users, disable them, and anonymise those who have left. */
export function UsersPage() {
  usePageTitle('Users');
  const me = useUser();
  const list = useListParams(['q']);
  const toggle = useToggleDisabled();
  const anonymise = useAnonymise();
  // Disabling signs someone out at once, so the page asks first; enabling again needs no question.
  const [confirming, setConfirming] = useState<UserRow | null>(null);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [saved, setSaved] = useState<{ name: string; count: number }>({ name: '', count: 0 });
  const columns: Column<UserRow>[] = [
    { key: 'name', header: 'Name', sortable: true, cell: (u) => u.name },
    { key: 'email', header: 'Email', sortable: true, cell: (u) => u.email },
    { key: 'role', header: 'Role', sortable: true, cell: (u) => roleLabels[u.role] ?? u.role },
    { key: 'practices', header: 'Practices', cell: (u) => u.practiceCodes.join(', ') },
    { key: 'lastSignIn', header: 'Last signed in', cell: (u) => (u.lastSignInAt ? formatDateTime(u.lastSignInAt) : 'Never') },
    { key: 'status', header: 'Status', cell: (u) => (u.disabled ? <Tag modifier="grey">Disabled</Tag> : <Tag modifier="green">Active</Tag>) },
    {
      key: 'action',
      header: 'Action',
      cell: (u) =>
        // Not their own: an admin who changed their own role or disabled themselves could lock the federation out.
        u.id === me.id ? (
          ''
        ) : (
          <>
            <button type="button" className="app-link-button nhsuk-u-margin-right-3" onClick={() => setEditing(u)}>
              Change<span className="nhsuk-u-visually-hidden"> {u.name}</span>
            </button>
            <button type="button" className="app-link-button" disabled={toggle.pending} onClick={() => (u.disabled ? toggle.submit(u) : setConfirming(u))}>
              {u.disabled ? 'Enable' : 'Disable'}
              <span className="nhsuk-u-visually-hidden"> {u.name}</span>
            </button>
            {u.disabled && !isAnonymised(u) ? (
              <button type="button" className="app-link-button nhsuk-u-margin-left-3" disabled={anonymise.pending} onClick={() => anonymise.ask(u)}>
                Anonymise<span className="nhsuk-u-visually-hidden"> {u.name}</span>
              </button>
            ) : null}
          </>
        ),
    },
  ];
  return (
    <>
      <FormErrorSummary errors={toggle.errors} attempt={toggle.attempt} />
      <Heading headingLevel="h1">Users</Heading>
      <RoleSummary />
      {anonymise.question}
      {confirming ? <ConfirmDisable
          user={confirming}
          onAnswer={(yes) => {
            if (yes) toggle.submit(confirming);
            setConfirming(null);
          }}
        /> : null}
      <SuccessBanner id="user-saved" count={saved.count}>
        Saved the changes to {saved.name}. They take effect at their next click.
      </SuccessBanner>
      {editing ? (
        <EditUser
          key={editing.id}
          user={editing}
          onDone={(user) => {
            setEditing(null);
            if (user) setSaved((s) => ({ name: user.name, count: s.count + 1 }));
          }}
        />
      ) : null}
      <SearchForm key={list.filters.q ?? ''} initial={list.filters.q ?? ''} onSearch={(q) => list.setFilters({ q })} />
      <RecordTable
        resource="users"
        caption="Users"
        captionHidden
        columns={columns}
        rowKey={(u) => u.id}
        filters={list.filters}
        sort={list.sort}
        page={list.page}
        pageSize={list.pageSize}
        onSort={list.toggleSort}
        hrefForPage={(page) => list.hrefWith({ page: page === 1 ? undefined : page })}
        noun="users"
      />
      <UserForm />
    </>
  );
}
