import { InsetText } from 'nhsuk-react-components';
import { describeAssurance, describeVariation } from './quality-format.js';
import type { PracticeSpc } from './types.js';

const variationBadge = (icon: string) => (icon.startsWith('improvement') ? 'improvement' : icon.startsWith('concern') ? 'concern' : icon.startsWith('neutral') ? 'neutral' : 'common');
const variationLetter = (icon: string) => (icon.endsWith('_high') ? 'H' : icon.endsWith('_low') ? 'L' : '~');
const assuranceBadge = (icon: string | null) => (icon === 'consistent_pass' ? 'pass' : icon === 'consistent_fail' ? 'fail' : 'inconsistent');

/**
 * The two Making Data Count icons, drawn as labelled badges: variation of the latest point, and
 * assurance against the target. A series too short for limits has neither: it says why instead.
 */
export function SpcIcons({ spc }: { spc: PracticeSpc }) {
  if (spc.variation === null) {
    return (
      <InsetText data-testid="spc-no-limits">
        <p>{spc.noLimitsReason}</p>
      </InsetText>
    );
  }
  return (
    <div className="app-spc-icons" data-testid="spc-icons">
      <div className="app-spc-icon">
        <span className={`app-spc-icon__badge app-spc-icon__badge--${variationBadge(spc.variation)}`} aria-hidden="true">
          {variationLetter(spc.variation)}
        </span>
        <span>
          <strong>Variation:</strong> {describeVariation(spc.variation)}
        </span>
      </div>
      <div className="app-spc-icon">
        <span className={`app-spc-icon__badge app-spc-icon__badge--${assuranceBadge(spc.assurance)}`} aria-hidden="true">
          {spc.assurance === 'consistent_pass' ? 'P' : spc.assurance === 'consistent_fail' ? 'F' : '?'}
        </span>
        <span>
          <strong>Assurance:</strong> {describeAssurance(spc.assurance)}
        </span>
      </div>
    </div>
  );
}
