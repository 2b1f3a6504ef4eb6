/**
 * A problem about a field, written so it reads once as a sentence wherever it is shown (a form's
 * error summary, an inline error): the field's label goes in front of a message that does not name
 * it ("must be a real date" → "Due date must be a real date"), and never in front of one that does
 * ("Due date must be a real date" stays as it is, not "Due date Due date must be a real date").
 */

/** A label as a sentence names its field: "End date (optional)" → "End date", "Practices (ODS codes)" → "Practices". */
export const labelName = (label: string) => label.replace(/\s*\([^)]*\)\s*$/, '').trim();

/** "practice" → "Practice": a sentence's first letter. */
export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The message without a repeat of the field's name at its start: "Name: Name is required" → "Name is required". */
function withoutRepeatedName(message: string, name: string): string {
  const repeated = new RegExp(`^${escape(name)}\\s*:?\\s+(?=${escape(name)}\\b)`, 'i');
  return message.replace(repeated, '');
}

/** Whether the message already starts by naming the field: "due date must…" names "Due date". */
const namesField = (message: string, name: string) => name !== '' && new RegExp(`^${escape(name)}(?![a-z])`, 'i').test(message);

/**
 * "must be at least 12 characters" under "Password" → "Password must be at least 12 characters";
 * a message that starts with what was typed ('"-£5" is negative') → 'Value: "-£5" is negative';
 * a message that already names the field, or is a sentence of its own ("Enter a title"), is kept.
 */
export function problemSentence(label: string, message: string): string {
  const name = labelName(label);
  const text = withoutRepeatedName(message.trim(), name);
  if (namesField(text, name)) return capitalise(text);
  if (/^[a-z]/.test(text)) return `${name} ${text}`;
  if (/^["“'‘]/.test(text)) return `${name}: ${text}`;
  return text;
}

/** An API field name in words, for a problem no form input shows: "practiceCodes" → "Practice codes", "lines.0.amount" → "Lines", "query.from" → "From". */
export function fieldWords(path: string): string {
  const first = path.replace(/^(body|params|query|querystring)\./, '').split('.')[0] ?? '';
  const words = first
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return capitalise(words);
}

/**
 * A problem about a field the form does not show: named in words in front of what is said of it
 * ("Name is required"), or before a colon ("Lines: add at least one costed line"), unless the
 * message names it already or is a sentence of its own.
 */
export function unplacedProblemSentence(path: string, message: string): string {
  const name = fieldWords(path);
  const text = withoutRepeatedName(message.trim(), name);
  if (namesField(text, name)) return capitalise(text);
  if (name === '' || /^[A-Z0-9£]/.test(text)) return text;
  // "is required" and "must be a number" say something of the field: its name starts the sentence.
  if (/^(is|are|must|should|has|have|cannot|can|needs|was|were)\b/.test(text)) return `${name} ${text}`;
  return `${name}: ${text}`;
}

/** True when a sentence repeats its opening words ("Due date Due date must…", "Name: Name is required"): what these functions prevent. */
export function repeatsItsStart(sentence: string): boolean {
  return /^(\p{L}[\p{L} ]*?)\s*:?\s+\1\b/iu.test(sentence);
}
