import { type ReactNode, useState } from 'react';
import type { useApiMutation } from '../../api/use-api.js';
import { ConfirmQuestion } from '../../components/confirm-question.js';
import { SuccessBanner } from '../../components/success-banner.js';

interface RemoveQuestionOptions<T> {
  /** Prefix of the question's ids, e.g. "remove-cost". */
  id: string;
  /** The removal the question sends when answered yes (the version read goes with it). */
  remove: ReturnType<typeof useApiMutation<T>>;
  /** What the line is called in the question: "Running costs (total)", "2018/19". */
  name(row: T): string;
  /** What removing it does, in a sentence or two. */
  consequence(row: T): ReactNode;
  /** After the line is removed (or the removal refused), e.g. to put away a form that was changing it. */
  onDone?(): void;
  /** After the line is removed, and only then (e.g. to leave the page of what was removed). */
  onRemoved?(row: T): void;
}

/**
 * Removing a line of the financial plan (a running cost, an income line, a year's amount) changes
 * the I&E and the cash flow at once and cannot be undone from the page, so a "Remove" button asks
 * first: `ask(row)` shows the question where `question` is placed, naming the line.
 */
export function useRemoveQuestion<T>({ id, remove, name, consequence, onDone, onRemoved }: RemoveQuestionOptions<T>) {
  const [asking, setAsking] = useState<T | null>(null);
  // Said where the question was, as every other change is said: the button that asked has gone with the line.
  const [removed, setRemoved] = useState({ count: 0, name: '' });
  const finish = () => {
    setAsking(null);
    onDone?.();
  };
  const question =
    asking === null ? (
      <SuccessBanner id={`${id}-done`} count={removed.count}>
        Removed {removed.name}.
      </SuccessBanner>
    ) : (
      <ConfirmQuestion
        id={id}
        level={3}
        question={`Remove ${name(asking)}?`}
        yes={`Yes, remove ${name(asking)}`}
        pending={remove.isPending}
        onAnswer={(yes) => (yes ? remove.mutate(asking, { onSuccess: () => (setRemoved((r) => ({ count: r.count + 1, name: name(asking) })), finish(), onRemoved?.(asking)), onError: finish }) : setAsking(null))}
      >
        {consequence(asking)}
      </ConfirmQuestion>
    );
  return { ask: (row: T) => setAsking(() => row), question };
}
