/**
 * Plans name owners as free text: "GC", "GC/RB", "Paula Vaughan; Julia Corey", "JW & RB",
 * "All Board". Each part is a person (by initials or name) or a body such as "All Board".
 */
export function splitOwnerText(text: string | null | undefined): string[] {
  if (!text) return [];
  const parts = text
    .split(/\s*(?:[/;,]|&|\band\b)\s*/i)
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  return [...new Set(parts)];
}

/** Initials look like "GC" or "RBa": two to four letters, starting with two capitals. */
export function looksLikeInitials(part: string): boolean {
  return /^[A-Z]{2}[A-Za-z]{0,2}$/.test(part);
}

/** "Paula Vaughan" → "PV"; used to suggest initials for a new person. */
export function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((word) => /^[A-Za-z]/.test(word))
    .map((word) => word[0]!.toUpperCase())
    .join('');
}
