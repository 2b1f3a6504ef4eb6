import { CsvUploadPanel } from '../../components/csv-upload-panel.js';
import { importCounts } from '../../format/format.js';

interface ImportReport {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/**
 * Admins import a register from a CSV file: its seed layout, or this page's own download edited in
 * a spreadsheet. Keyed by reference: new ones are added, changed ones updated, the rest left alone;
 * all or nothing.
 */
export function RegisterImport({ resource, noun, columns }: { resource: 'risks' | 'board-actions'; noun: string; columns: string }) {
  return (
    <CsvUploadPanel<ImportReport>
      id={`import-${resource}`}
      heading={`Import ${noun} from a file`}
      description={
        <p>
          A CSV file of {noun}: this page’s own download (edited in a spreadsheet or not), or one with the columns {columns}. A reference already here is updated with the file’s filled cells; a new one is added; nothing is written if any row is wrong.
        </p>
      }
      path={`/api/${resource}/import`}
      formLabel={`Import ${noun}`}
      errorTitle="The file was not imported"
      submitText="Import the file"
      resultText={(r) => `Imported: ${importCounts(r)}.`}
      invalidates={[`/api/${resource}`, '/api/risks/heat-map', '/api/my-items']}
    />
  );
}
