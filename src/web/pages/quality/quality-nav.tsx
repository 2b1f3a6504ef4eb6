import { InlineNav } from '../../components/inline-nav.js';

const pages = [
  { key: 'dashboard', to: '/quality', text: 'Dashboard' },
  { key: 'evaluation', to: '/quality/evaluation', text: 'Scheme evaluation' },
  { key: 'review-pack', to: '/quality/review-pack', text: 'Peer review pack' },
] as const;

/** Links between the quality pages. */
export function QualityNav({ current }: { current: (typeof pages)[number]['key'] }) {
  return <InlineNav label="Quality pages" items={pages} current={current} />;
}
