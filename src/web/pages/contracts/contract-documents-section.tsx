import { Button, Heading } from 'nhsuk-react-components';
import { useApiMutation } from '../../api/use-api.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { actorName, formatDateTime, formatNumber } from '../../format/format.js';
import { useRemoveQuestion } from '../finance/remove-question.js';
import { ContractDocumentForm } from './sub-contract-forms.js';
import type { ContractDocument } from './types.js';

const documentColumns = (contractId: number, remove: ((d: ContractDocument) => void) | null): Column<ContractDocument>[] => [
  { key: 'file', header: 'Document', cell: (d) => <a href={`/api/contracts/${contractId}/documents/${d.id}`}>{d.fileName}</a> },
  { key: 'size', header: 'Size', numeric: true, cell: (d) => `${formatNumber(Math.ceil(d.sizeBytes / 1024))} KB` },
  { key: 'by', header: 'Added', cell: (d) => `${formatDateTime(d.uploadedAt)} by ${actorName(d.uploadedBy)}` },
  ...(remove
    ? [
        {
          key: 'action',
          header: 'Action',
          cell: (d: ContractDocument) => (
            <Button secondary small type="button" onClick={() => remove(d)}>
              Remove<span className="nhsuk-u-visually-hidden"> {d.fileName}</span>
            </Button>
          ),
        },
      ]
    : []),
];

/**
 * A contract's signed copies and schedules: admins and the commissioner read them; an admin adds one,
 * and removes one added by mistake (the wrong contract, or a file that should never have been
 * uploaded), asked first, since the file is gone once removed.
 */
export function ContractDocumentsSection({ contractId, documents, admin }: { contractId: number; documents: ContractDocument[]; admin: boolean }) {
  const remove = useApiMutation<ContractDocument>((d) => ({ method: 'DELETE', path: `/api/contracts/${contractId}/documents/${d.id}` }), [`/api/contracts/${contractId}`]);
  const removal = useRemoveQuestion<ContractDocument>({
    id: 'remove-document',
    remove,
    name: (d) => d.fileName,
    consequence: () => 'No one can download or see it in atscale again. The audit log keeps its name, size and who added and removed it, not its contents. (The database clears its own copy as it reuses space; if the file should never have been uploaded, also follow your incident procedure.)',
  });
  return (
    <>
      <Heading headingLevel="h2">Documents</Heading>
      {removal.question}
      <DataTable caption="Documents" captionHidden columns={documentColumns(contractId, admin ? removal.ask : null)} rows={documents} rowKey={(d) => d.id} empty="No documents have been added." />
      {admin ? <ContractDocumentForm contractId={contractId} /> : null}
    </>
  );
}
