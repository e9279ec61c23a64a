import { describe, expect, it } from 'vitest';
import { ago, deviceName } from './session-name';

describe('naming signed-in devices', () => {
  it('reads browser and system from real user agents', () => {
    expect(
      deviceName(
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
      ),
    ).toBe('Chrome · Android');
    expect(
      deviceName(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari · iOS');
    expect(
      deviceName(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      ),
    ).toBe('Microsoft Edge · Windows');
    expect(deviceName('')).toBeNull();
  });

  it('says how long ago in the reader’s language', () => {
    const now = new Date('2026-12-03T12:00:00Z');
    expect(ago('2026-11-30T11:00:00Z', now, 'ja')).toMatch(/^3 ?日前$/);
    expect(ago('2026-11-30T11:00:00Z', now, 'en')).toBe('3 days ago');
    expect(ago('2026-12-03T11:59:30Z', now, 'ja')).toBe('今');
    expect(ago('2026-12-03T10:00:00Z', now, 'en')).toBe('2 hours ago');
  });
});
