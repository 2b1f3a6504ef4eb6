import { ErrorMessage, Fieldset, TextInput } from 'nhsuk-react-components';

interface FixedSharesFieldsProps {
  members: { odsCode: string; name: string }[];
  /** Percent per ODS code, as typed. */
  value: Record<string, string>;
  onChange(next: Record<string, string>): void;
  error?: string;
}

/** A fixed table of shares (an agreed split rather than list size): a percentage for each practice, adding up to 100. */
export function FixedSharesFields({ members, value, onChange, error }: FixedSharesFieldsProps) {
  const total = members.reduce((t, m) => t + (Number((value[m.odsCode] ?? '').replace(/[%\s]/g, '')) || 0), 0);
  return (
    <div id="scheme-fixed-shares" className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <Fieldset>
        <Fieldset.Legend size="s">Each practice’s share (%)</Fieldset.Legend>
        <p className="nhsuk-hint">The shares must add up to 100%. They add up to {Number(total.toFixed(6))}% now.</p>
        {error ? <ErrorMessage>{error}</ErrorMessage> : null}
        {members.map((m) => (
          <TextInput
            key={m.odsCode}
            id={`scheme-share-${m.odsCode}`}
            label={`${m.name} (${m.odsCode})`}
            inputMode="decimal"
            width={4}
            value={value[m.odsCode] ?? ''}
            onChange={(e) => onChange({ ...value, [m.odsCode]: e.currentTarget.value })}
          />
        ))}
      </Fieldset>
    </div>
  );
}
