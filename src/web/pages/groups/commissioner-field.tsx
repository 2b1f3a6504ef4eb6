import { Select, TextInput } from 'nhsuk-react-components';
import type { Organisation } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import { codeAndName } from '../../components/summary-rows.js';

interface CommissionerFieldProps {
  /** The id of the code box (error links point here); the list is `${id}-choice`. */
  id: string;
  value: string;
  onChange(code: string): void;
  error?: string;
  optional?: boolean;
}

/** A commissioner (sub-ICB location or CCG): chosen from those the registry knows, or typed as a code. */
export function CommissionerField({ id, value, onChange, error, optional }: CommissionerFieldProps) {
  const commissioners = useApiQuery<{ items: Organisation[] }>('/api/organisations?kind=sub_icb');
  const items = commissioners.data?.items ?? [];
  const code = value.trim().toUpperCase();
  const suffix = optional ? ' (optional)' : '';
  return (
    <>
      {items.length ? (
        <Select id={`${id}-choice`} name={`${id}-choice`} label={`Commissioner${suffix}`} value={items.some((o) => o.code === code) ? code : ''} onChange={(e) => onChange(e.target.value)}>
          <Select.Option value="">{optional ? 'None' : 'Choose a commissioner'}</Select.Option>
          {items.map((o) => (
            <Select.Option key={o.code} value={o.code}>
              {codeAndName(o.code, o.name)}
            </Select.Option>
          ))}
        </Select>
      ) : null}
      <TextInput id={id} name={id} label={items.length ? 'Or enter a commissioner code' : `Commissioner code${suffix}`} hint="A sub-ICB location or CCG code, for example 03W" width={5} code value={value} onChange={(e) => onChange(e.target.value)} error={error} />
    </>
  );
}
