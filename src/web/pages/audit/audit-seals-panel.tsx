import { Button, InsetText, WarningCallout } from 'nhsuk-react-components';
import { useState } from 'react';
import type { AuditSealCheck } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import { Loaded } from '../../components/page-states.js';

/**
 * Whether the audit log is as it was written: every row is sealed as it is saved, and the check
 * reads each seal again (every row, so it runs when asked, not on every visit). It names the first
 * row that fails and gives the latest seal, for the admin to keep outside atscale.
 */
export function AuditSealsPanel() {
  const [asked, setAsked] = useState(false);
  const check = useApiQuery<AuditSealCheck>(asked ? '/api/audit/seals' : null);
  return (
    <section aria-labelledby="audit-seals-heading" className="nhsuk-u-margin-bottom-5">
      <h2 className="nhsuk-heading-s" id="audit-seals-heading">
        Is the log as it was written?
      </h2>
      {!asked ? (
        <Button type="button" secondary onClick={() => setAsked(true)}>
          Check the audit log’s seals
        </Button>
      ) : (
        <Loaded query={check} what="check of the audit log">
          {(result) =>
            result.ok ? (
              <InsetText>
                {result.sentences.map((sentence) => (
                  <p key={sentence}>{sentence}</p>
                ))}
              </InsetText>
            ) : (
              <WarningCallout>
                <WarningCallout.Heading>The audit log fails its check</WarningCallout.Heading>
                {result.sentences.map((sentence) => (
                  <p key={sentence}>{sentence}</p>
                ))}
              </WarningCallout>
            )
          }
        </Loaded>
      )}
    </section>
  );
}
