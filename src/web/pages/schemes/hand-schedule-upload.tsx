import { useApiQuery } from '../../api/use-api.js';
import { CsvUploadPanel } from '../../components/csv-upload-panel.js';
import { schemePath } from './types.js';

interface HandScheduleResult {
  label: string;
  figures: number;
  changed: boolean;
}

/**
 * Admins upload a schedule someone worked out by hand (last year's spreadsheet, the funder's
 * letter) to check it against the cost model: the differences section then shows each gap and its cause.
 */
export function HandScheduleUpload({ schemeId, version }: { schemeId: number; version: number }) {
  const recorded = useApiQuery<{ revision: string }>(`${schemePath(schemeId)}/hand-schedule?version=${version}`);
  return (
    <CsvUploadPanel<HandScheduleResult>
      id="hand-schedule"
      heading="Check a schedule worked out by hand"
      description={
        <>
          <p>
            A CSV file with the columns <code>year</code> (such as 2018/19), <code>practice</code> (an ODS code or the practice’s name; leave it blank or write TOTAL
            for the year’s total) and <code>amount</code> in pounds. It replaces any hand schedule recorded for version {version}, and nothing is saved if a row is wrong.
          </p>
          <p>atscale compares it with the cost model year by year and practice by practice, and gives each difference a cause.</p>
        </>
      }
      path={`${schemePath(schemeId)}/hand-schedule?version=${version}`}
      formLabel="Upload a hand schedule"
      errorTitle="The hand schedule was not recorded"
      submitText="Upload and compare"
      hidden={{ basedOn: recorded.data?.revision }}
      fields={[
        { name: 'label', label: 'What is this schedule?', hint: 'For example, Federation spreadsheet, March 2018' },
        { name: 'description', label: 'Notes (optional)' },
      ]}
      resultText={(result) =>
        result.changed ? `Recorded “${result.label}” (${result.figures} figures). The differences are shown above.` : 'Nothing changed: this hand schedule was already recorded.'
      }
    />
  );
}
