import { describe, expect, it } from 'vitest';
import { instantOf, localOf } from './event-times';

describe('event times in their own zone', () => {
  it('reads a wall clock in Tokyo, UTC and across a daylight-saving change', () => {
    expect(instantOf('2026-12-04T19:00', 'Asia/Tokyo')).toBe('2026-12-04T19:00:00+09:00');
    expect(instantOf('2026-12-04T19:00', 'UTC')).toBe('2026-12-04T19:00:00+00:00');
    expect(instantOf('2026-01-10T09:30', 'America/New_York')).toBe('2026-01-10T09:30:00-05:00');
    expect(instantOf('2026-07-10T09:30', 'America/New_York')).toBe('2026-07-10T09:30:00-04:00');
    // The morning after the clocks went forward (8 March 2026 in New York).
    expect(instantOf('2026-03-08T09:00', 'America/New_York')).toBe('2026-03-08T09:00:00-04:00');
    expect(instantOf('2026-06-01T10:00', 'Asia/Kolkata')).toBe('2026-06-01T10:00:00+05:30');
    expect(instantOf('', 'Asia/Tokyo')).toBe('');
  });

  it('shows an instant back as the same wall clock', () => {
    expect(localOf('2026-12-04T10:00:00.000Z', 'Asia/Tokyo')).toBe('2026-12-04T19:00');
    expect(localOf('2026-07-10T13:30:00.000Z', 'America/New_York')).toBe('2026-07-10T09:30');
    expect(localOf(null, 'Asia/Tokyo')).toBe('');
    for (const zone of ['Asia/Tokyo', 'Europe/London', 'America/Los_Angeles']) {
      const instant = instantOf('2026-10-25T08:15', zone);
      expect(localOf(new Date(instant).toISOString(), zone)).toBe('2026-10-25T08:15');
    }
  });
});
