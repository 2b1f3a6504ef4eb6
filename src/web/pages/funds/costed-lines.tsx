import { Button, TextInput } from 'nhsuk-react-components';
import { penceFromText } from '../../../domain/finance/money.js';
import { formatMoney } from '../../format/format.js';

export interface LineDraft {
  description: string;
  amount: string;
}

/** Pence from what someone typed ("£1,234.50", "1234.5"), or null while it is not an amount yet. The server checks it again. */
export function typedPence(text: string): number | null {
  const pence = penceFromText(text);
  return pence === undefined || pence === null || pence < 0 ? null : pence;
}

export const lineId = (i: number, part: 'description' | 'amount') => `line-${i + 1}-${part}`;

/** A business case's costed lines, added and removed as needed; the total is worked out, never typed. */
export function CostedLines({ lines, onChange, fieldError }: { lines: LineDraft[]; onChange(lines: LineDraft[]): void; fieldError(id: string): string | undefined }) {
  const set = (i: number, change: Partial<LineDraft>) => onChange(lines.map((line, j) => (j === i ? { ...line, ...change } : line)));
  const total = lines.reduce((t, l) => t + (typedPence(l.amount) ?? 0), 0);
  // The line that takes the removed one's place (or the one before it, if it was the last) takes focus: the button pressed may have gone.
  const remove = (i: number) => {
    onChange(lines.filter((_, j) => j !== i));
    const next = Math.min(i, lines.length - 2);
    setTimeout(() => document.getElementById(lineId(next, 'description'))?.focus(), 0);
  };
  return (
    <fieldset className="nhsuk-fieldset">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Costed lines</legend>
      {lines.map((line, i) => (
        <div key={i} className="app-cost-line">
          <TextInput id={lineId(i, 'description')} name={lineId(i, 'description')} label={`Line ${i + 1}: what the money is for`} value={line.description} onChange={(e) => set(i, { description: e.target.value })} error={fieldError(lineId(i, 'description'))} />
          <TextInput id={lineId(i, 'amount')} name={lineId(i, 'amount')} label={`Line ${i + 1}: amount (£)`} width={10} value={line.amount} onChange={(e) => set(i, { amount: e.target.value })} error={fieldError(lineId(i, 'amount'))} />
          {lines.length > 1 ? (
            <Button type="button" secondary small onClick={() => remove(i)}>
              Remove<span className="nhsuk-u-visually-hidden"> line {i + 1}</span>
            </Button>
          ) : null}
        </div>
      ))}
      <Button type="button" secondary small onClick={() => onChange([...lines, { description: '', amount: '' }])}>
        Add another line
      </Button>
      <p className="nhsuk-body nhsuk-u-font-weight-bold" aria-live="polite">
        Total asked for: {formatMoney(total)}
      </p>
    </fieldset>
  );
}
