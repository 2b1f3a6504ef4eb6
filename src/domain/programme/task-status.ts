/** A work-plan task's progress and its red/amber/green rating, as boards report them. */
export const taskStatuses = ['not_started', 'in_progress', 'done', 'stopped'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const ragRatings = ['red', 'amber', 'green'] as const;
export type Rag = (typeof ragRatings)[number];

export const taskStatusLabels: Record<TaskStatus, string> = { not_started: 'Not started', in_progress: 'In progress', done: 'Done', stopped: 'Stopped' };
export const ragLabels: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

const statusWords: Record<string, TaskStatus> = {
  'not started': 'not_started', not_started: 'not_started', 'in progress': 'in_progress', in_progress: 'in_progress', ongoing: 'in_progress',
  done: 'done', complete: 'done', completed: 'done', stopped: 'stopped', closed: 'stopped', cancelled: 'stopped',
};
const ragWords: Record<string, Rag> = { r: 'red', red: 'red', a: 'amber', amber: 'amber', g: 'green', green: 'green' };

/** "In progress", "complete", "done" → a status; undefined when the text is not one. */
export const readTaskStatus = (text: string): TaskStatus | undefined => statusWords[text.trim().toLowerCase().replace(/\s+/g, ' ')];
/** "R", "Amber", "green" → a rating; undefined when the text is not one. */
export const readRag = (text: string): Rag | undefined => ragWords[text.trim().toLowerCase()];

/**
 * A plan without a status column: a line whose latest position says "Complete" is done, a line
 * with any position is in progress, and one with none has not started.
 */
export function inferTaskStatus(positions: readonly string[]): TaskStatus {
  if (!positions.length) return 'not_started';
  return readTaskStatus(positions.at(-1)!) === 'done' ? 'done' : 'in_progress';
}

/** Overdue: due before today and neither done nor stopped. */
export function isOverdue(task: { targetDate: string | null; status: string }, today: string): boolean {
  return task.targetDate !== null && task.targetDate < today && task.status !== 'done' && task.status !== 'stopped';
}
