import { z } from 'zod';
import { boardActions, meetings } from '../../db/schema/index.js';
import type { RecordType } from '../records/record-type.js';
import { dateText, optionalText, storedIn } from './fields.js';
import { refuseTaken } from '../records/clash.js';

const meetingInput = z.object({
  title: z.string().trim().min(1, 'Enter a title such as "Board, May 2018"').max(200),
  heldOn: dateText,
  agenda: optionalText(8000),
  attendees: optionalText(2000),
  decisions: optionalText(8000),
});

/** Board meetings: agenda, attendees and decisions; the actions they raised point back at them. */
export const meetingRecord: RecordType<z.infer<typeof meetingInput>> = {
  name: 'meeting',
  label: 'meeting',
  ...storedIn(meetings),
  fields: {
    id: { header: 'ID', column: meetings.id, kind: 'integer', filter: 'exact', sortable: true },
    title: { header: 'Meeting', column: meetings.title, kind: 'text', filter: 'search', sortable: true },
    heldOn: { header: 'Held on', column: meetings.heldOn, kind: 'date', sortable: true },
    attendees: { header: 'Attendees', column: meetings.attendees, kind: 'text', filter: 'search' },
    agenda: { header: 'Agenda', column: meetings.agenda, kind: 'text', filter: 'search' },
    decisions: { header: 'Decisions', column: meetings.decisions, kind: 'text', filter: 'search' },
  },
  defaultSort: 'heldOn',
  dependents: [{ column: boardActions.meetingId, one: 'board action', many: 'board actions' }],
  createSchema: meetingInput,
  updateSchema: meetingInput.partial(),
  async prepare(db, input, existing) {
    await refuseTaken(db, { table: meetings, id: meetings.id, key: meetings.title }, input.title, existing, { record: 'meeting', key: 'title', field: 'title', shown: (title) => `"${title}"` });
    return input;
  },
  present: (row) => row,
};
