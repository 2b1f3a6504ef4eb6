import type { ProblemLocation } from '../errors.js';

/**
 * Something a person should look at that does not stop the calculation: a practice that delivered
 * more than its allocation (paid, but flagged), a missing activity return, funding above cost.
 */
export interface SchemeWarning {
  severity: 'warning' | 'note';
  code:
    | 'delivered_above_allocation'
    | 'no_activity_return'
    | 'return_says_not_taking_part'
    | 'participation_unknown'
    | 'activity_from_non_participant'
    | 'funding_exceeds_cost'
    | 'hand_schedule_unexplained'
    /** A practice taking part closed or left the scheme's group before the scheme ended. */
    | 'practice_gone';
  practiceKey: string | null;
  message: string;
  source?: ProblemLocation;
}
