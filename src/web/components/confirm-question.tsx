import { Button } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import { useFocusBackOnClose, useFocusOn } from './use-focus-on.js';

interface ConfirmQuestionProps {
  /** Prefix of the heading's and text's ids: "confirm-disable" gives confirm-disable-heading and confirm-disable-text. */
  id: string;
  /** "Disable Jo Bloggs?" */
  question: string;
  /** What answering yes does, in a sentence or two. */
  children: ReactNode;
  /** "Yes, disable Jo Bloggs" */
  yes: string;
  /** The heading's level: 2 when the question stands on the page, 3 inside a section of its own. */
  level?: 2 | 3;
  /** While the answer is being sent, "yes" cannot be pressed again. */
  pending?: boolean;
  onAnswer(yes: boolean): void;
}

/**
 * A question asked before something that cannot be undone (disabling a user, withdrawing an
 * application, approving a scheme version, removing a practice from a contract or a line from the
 * financial plan): focus moves to its heading (so the view follows), Escape cancels, and the two
 * answers are a red "Yes, …" and Cancel. Put away, it gives focus back to the button that asked,
 * where that is still on the page.
 */
export function ConfirmQuestion({ id, question, children, yes, level = 2, pending = false, onAnswer }: ConfirmQuestionProps) {
  // Put away (answered or cancelled), focus goes back to the button that asked, unless something else has taken it since.
  useFocusBackOnClose();
  const ref = useFocusOn<HTMLHeadingElement>(question);
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="nhsuk-warning-callout" role="region" aria-labelledby={`${id}-heading`} aria-describedby={`${id}-text`} onKeyDown={(e) => e.key === 'Escape' && onAnswer(false)}>
      <Heading className="nhsuk-warning-callout__label" id={`${id}-heading`} tabIndex={-1} ref={ref}>
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {question}
        </span>
      </Heading>
      <p id={`${id}-text`}>{children}</p>
      <div className="nhsuk-button-group">
        <Button type="button" warning disabled={pending} onClick={() => onAnswer(true)}>
          {yes}
        </Button>
        <Button type="button" secondary onClick={() => onAnswer(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
