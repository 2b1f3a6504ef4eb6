import { Link } from 'react-router';
import type { Page } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import type { FormField } from '../../components/record-form.js';
import type { Scheme } from '../schemes/types.js';

/** The schemes of the schemes engine, to link a stream or an I&E line to. */
export function useSchemes() {
  return useApiQuery<Page<Scheme>>('/api/schemes?pageSize=1000&sort=name').data?.items ?? [];
}

/** A select of the schemes, with "none" first (saving "none" removes the link). */
export const schemeLinkField = (schemes: readonly Scheme[], label: string, hint: string): FormField => ({
  name: 'schemeId',
  label,
  hint,
  kind: 'select',
  options: [{ value: '', label: 'None' }, ...schemes.map((s) => ({ value: String(s.id), label: s.name }))],
});

/** "Pays for Winter access scheme 2017/18" as a link to the scheme, or nothing. */
export function LinkedScheme({ schemeId, schemes, lead }: { schemeId: number | null; schemes: readonly Scheme[]; lead?: string }) {
  const scheme = schemes.find((s) => s.id === schemeId);
  if (!scheme) return null;
  const link = <Link to={`/schemes/${scheme.id}`}>{scheme.name}</Link>;
  return lead ? (
    <>
      {lead} {link}
    </>
  ) : (
    link
  );
}
