import { Tag, type TagProps } from 'nhsuk-react-components';
import type { SchemeStatus } from './types.js';

const tags: Record<SchemeStatus, { text: string; modifier: TagProps['modifier'] }> = {
  draft: { text: 'Draft', modifier: 'yellow' },
  approved: { text: 'Approved', modifier: 'green' },
  superseded: { text: 'Superseded', modifier: 'grey' },
};

/** A scheme's (or version's) status as an NHS tag: Draft, Approved, Superseded. */
export function SchemeStatusTag({ status }: { status: SchemeStatus }) {
  const tag = tags[status] ?? { text: status, modifier: 'white' };
  return <Tag modifier={tag.modifier}>{tag.text}</Tag>;
}
