import Bowser from 'bowser';
import type { Locale } from '../../app/i18n';

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** 「3日前」 / "3 days ago"; under a minute is 「今」 / "now". */
export function ago(iso: string, now: Date, locale: Locale): string {
  const format = new Intl.RelativeTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { numeric: 'auto' });
  const elapsed = Math.max(0, now.getTime() - new Date(iso).getTime());
  for (const [unit, size] of units)
    if (elapsed >= size) return format.format(-Math.floor(elapsed / size), unit);
  return format.format(0, 'second');
}

/**
 * A signed-in device as a person recognises it: browser and system from its user agent (bowser,
 * MIT), e.g. "Chrome · Android"; parts bowser cannot tell are left out, and an agent it cannot
 * read at all gives null (the page then names the device by how it signed in).
 */
export function deviceName(userAgent: string): string | null {
  if (!userAgent.trim()) return null;
  const parsed = Bowser.parse(userAgent);
  const parts = [parsed.browser.name, parsed.os.name].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(' · ') : null;
}
