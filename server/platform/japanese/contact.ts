/** Contact details as HR files carry them: full-width digits, stray spaces, odd hyphens. */

// Deliberately plain: one @, a dotted domain, no spaces. Delivery is what proves an address.
const emailPattern =
  /^[^\s@"<>()[\],;:]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

/** A trimmed, lower-cased e-mail address, or null when it cannot be one. */
export function normaliseEmail(input: string): string | null {
  const email = input.normalize('NFKC').trim().toLowerCase();
  if (email.length > 254 || !emailPattern.test(email)) return null;
  return email;
}

/** Digits only (a leading + kept), or null when it is not a plausible phone number. */
export function normalisePhone(input: string): string | null {
  const text = input.normalize('NFKC').trim();
  if (!/^\+?[\d\s\-‐−ー().]+$/u.test(text)) return null;
  const digits = text.replace(/[^\d]/g, '');
  if (digits.length < 9 || digits.length > 15) return null;
  return text.startsWith('+') ? `+${digits}` : digits;
}
