import { Tag, type TagProps } from 'nhsuk-react-components';
import { type ApplicationStatus, statusLabels } from './types.js';

const colours: Record<ApplicationStatus, TagProps['modifier']> = { submitted: 'blue', approved: 'green', part_approved: 'yellow', rejected: 'red', withdrawn: 'grey' };

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  return <Tag modifier={colours[status]}>{statusLabels[status]}</Tag>;
}
