import { Button } from 'nhsuk-react-components';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError } from '../../api/client.js';
import type { GroupMember, GroupSummary } from '../../api/types.js';
import { useRefresh } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { ConfirmQuestion } from '../../components/confirm-question.js';
import type { Column } from '../../components/data-table.js';
import { DateField, dateFieldTarget, dateProblem, type DateParts, emptyDate, isoOrNull } from '../../components/date-field.js';
import { FormErrorSummary } from '../../components/form-errors.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm } from '../../components/use-api-form.js';
import { formatDate } from '../../format/format.js';
import type { FormerMember } from './members-table.js';
import { useFocusBackOnClose, useFocusOn } from '../../components/use-focus-on.js';

/** One practice's membership of the group shown, as the members and former members tables hold it. */
export interface MembershipRef {
  membershipId: number;
  membershipVersion: number;
  name: string;
  startDate: string;
  endDate: string | null;
}

/** A members table's row, and a former members table's, as the actions read them. */
export const currentMembership = (p: GroupMember): MembershipRef => ({ ...p, name: p.displayName });
export const formerMembership = (p: FormerMember): MembershipRef => p;

const invalidates = ['/api/groups', '/api/practices', '/api/memberships'];
const endFields = { endDate: { id: dateFieldTarget('end-date'), label: 'End date' } };

interface ActionProps {
  member: MembershipRef;
  groupName: string;
  onClose(): void;
  /** What the change did, for the banner above the tables (an ended membership can end its locality membership too). */
  onDone(said: string): void;
}

/** A conflict's way out: read the members again and close the form. */
function useReloadMembers(onClose: () => void) {
  const refresh = useRefresh();
  return async () => {
    await refresh(['/api/groups']);
    onClose();
  };
}

function ReloadButton({ onClick }: { onClick(): void }) {
  return (
    <p className="nhsuk-body">
      <Button type="button" secondary onClick={onClick}>
        Reload the members
      </Button>
    </p>
  );
}

/** Ends one membership on a date, sending the version read; a stale version gets the conflict message and a reload. */
function EndMembershipForm({ member, groupName, onClose, onDone }: ActionProps) {
  const reload = useReloadMembers(onClose);
  const [end, setEnd] = useState<DateParts>(emptyDate);
  // The form opens below the table: take people (and their screen reader) to it, and back to its button when it closes.
  useFocusBackOnClose();
  const heading = useFocusOn<HTMLHeadingElement>(true);
  const form = useApiForm<string, { endDate: string; alsoChanged?: string[] }>((endDate) => ({ method: 'PATCH', path: `/api/memberships/${member.membershipId}`, body: { rowVersion: member.membershipVersion, endDate } }), {
    invalidates,
    fields: endFields,
    onSuccess: (ended) => onDone([`${member.name}’s membership of ${groupName} ends on ${formatDate(ended.endDate)}.`, ...(ended.alsoChanged ?? []).map((s) => `${s}.`)].join(' ')),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.submit(isoOrNull(end) ?? '', () => {
      const problem = dateProblem(end, 'End date', true);
      return problem ? [{ field: dateFieldTarget('end-date'), message: problem }] : [];
    });
  }

  return (
    <section aria-labelledby="end-membership">
      <h2 id="end-membership" ref={heading} tabIndex={-1}>
        End {member.name}’s membership of {groupName}
      </h2>
      <p className="nhsuk-body">Member since {formatDate(member.startDate)}. The practice stays a member until the end of the day you enter; a membership of one of the group’s localities ends on the same day.</p>
      <form onSubmit={submit} noValidate>
        <FormErrorSummary errors={form.errors} attempt={form.attempt} />
        {form.conflict ? <ReloadButton onClick={() => void reload()} /> : null}
        <DateField id="end-date" legend="Membership ends on" value={end} onChange={setEnd} error={form.fieldError(dateFieldTarget('end-date'))} />
        <div className="app-inline-form">
          <Button type="submit" warning disabled={form.pending}>
            End membership
          </Button>
          <Button type="button" secondary onClick={onClose}>
            Cancel
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Asks before removing a membership recorded in error; the server refuses, in a sentence, one something relies on. */
function RemoveMembership({ member, groupName, onClose, onDone }: ActionProps) {
  const reload = useReloadMembers(onClose);
  const remove = useApiForm<void>(() => ({ method: 'DELETE', path: `/api/memberships/${member.membershipId}?rowVersion=${member.membershipVersion}` }), {
    invalidates,
    onSuccess: () => onDone(`Removed ${member.name}’s membership of ${groupName}.`),
  });
  return (
    <section aria-label={`Remove ${member.name}’s membership`}>
      <FormErrorSummary errors={remove.errors} attempt={remove.attempt} />
      {/* A stale version (not a refusal because something relies on it) is put right by reading the members again. */}
      {remove.error instanceof ApiError && remove.error.details.currentVersion !== undefined ? <ReloadButton onClick={() => void reload()} /> : null}
      <ConfirmQuestion id="confirm-remove-membership" question={`Remove ${member.name}’s membership of ${groupName}?`} yes="Yes, remove this membership" pending={remove.pending} onAnswer={(yes) => (yes ? remove.submit(undefined) : onClose())}>
        Only for a membership recorded in error ({member.endDate ? `${formatDate(member.startDate)} to ${formatDate(member.endDate)}` : `from ${formatDate(member.startDate)}`}): it goes from the group’s pages as if it had never been, and the audit log keeps what it was. To record that the practice left, end the membership instead.
      </ConfirmQuestion>
    </section>
  );
}

/**
 * For admins, an Action column for the members tables (end or remove) and the former members table
 * (remove), the form or question the chosen action opens, and a banner saying what it did.
 */
export function useMembershipActions(summary: GroupSummary) {
  const admin = isAdmin(useUser());
  const [acting, setActing] = useState<{ what: 'end' | 'remove'; member: MembershipRef } | null>(null);
  const [said, setSaid] = useState({ text: '', count: 0 });
  const groupName = summary.group.name;

  const button = (what: 'end' | 'remove', member: MembershipRef) => (
    <button type="button" className={`app-link-button${what === 'end' ? ' nhsuk-u-margin-right-3' : ''}`} onClick={() => setActing({ what, member })}>
      {what === 'end' ? 'End membership' : 'Remove'}
      <span className="nhsuk-u-visually-hidden"> {what === 'end' ? 'of' : 'the membership of'} {member.name}</span>
    </button>
  );
  const actionColumn = <T,>(ref: (row: T) => MembershipRef, ending: boolean): Column<T>[] =>
    admin
      ? [
          {
            key: 'action',
            header: 'Action',
            nowrap: true,
            cell: (row: T) => (
              <>
                {ending ? button('end', ref(row)) : null}
                {button('remove', ref(row))}
              </>
            ),
          },
        ]
      : [];

  const props = acting ? { member: acting.member, groupName, onClose: () => setActing(null), onDone: (text: string) => (setActing(null), setSaid((s) => ({ text, count: s.count + 1 }))) } : null;
  const panel: ReactNode = admin && acting && props ? acting.what === 'end' ? <EndMembershipForm key={`end-${acting.member.membershipId}`} {...props} /> : <RemoveMembership key={`remove-${acting.member.membershipId}`} {...props} /> : null;
  const banner = (
    <SuccessBanner id="membership-action" count={said.count}>
      {said.text}
    </SuccessBanner>
  );
  return { actionColumn, panel, banner };
}
