/**
 * Who did something is recorded as the user's label, "Priya Patel <pm.kibworth@…>": the address
 * tells two people of one name apart in the audit. Addresses are for admins (users are records only
 * they read), so an answer for anyone else carries the name alone, wherever in it a label sits: an
 * acknowledgement, a fund decision, a return's sender, a document's uploader.
 */
const LABEL = /^(.*\S)\s*<[^<>\s@]+@[^<>\s]+>$/;

export function withoutAddresses<T>(value: T): T {
  if (typeof value === 'string') return (LABEL.exec(value)?.[1] ?? value) as T;
  if (Array.isArray(value)) return value.map(withoutAddresses) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withoutAddresses(inner)])) as T;
  }
  return value;
}
