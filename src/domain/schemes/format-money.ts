/** Pence as people read money in a sentence: 212600 → "£2,126", 193 → "£1.93", -2138600 → "−£21,386". */
export function formatPence(pence: number): string {
  const sign = pence < 0 ? '−' : '';
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100);
  const pennies = abs % 100;
  const whole = pounds.toLocaleString('en-GB');
  return `${sign}£${whole}${pennies ? `.${String(pennies).padStart(2, '0')}` : ''}`;
}

/** Pence as a number of pounds for a table cell: 212600 → 2126, 193 → 1.93. */
export function penceToPounds(pence: number): number {
  return pence / 100;
}
