/** Policy files are PDF or Word (DOCX); the type is decided by the file's first bytes, not its name. */
export type DocumentType = { extension: '.pdf'; mediaType: 'application/pdf' } | { extension: '.docx'; mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** A zip file holding a word/ folder is a DOCX; "%PDF-" starts a PDF. Anything else is refused. */
export function detectDocumentType(bytes: Uint8Array): DocumentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { extension: '.pdf', mediaType: 'application/pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && new TextDecoder('latin1').decode(bytes).includes('word/')) {
    return { extension: '.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
  }
  return null;
}

/** Policy files are documents, not archives: 10 MB is plenty. */
export const maxPolicyFileBytes = 10 * 1024 * 1024;
