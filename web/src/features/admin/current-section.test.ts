import { describe, expect, it } from 'vitest';
import { currentSection } from './current-section';

const base = '/t/demo/admin';
const sections = [
  { to: base, end: true },
  { to: `${base}/news` },
  { to: `${base}/news/newsletters` },
  { to: `${base}/registry` },
  { to: '/t/demo/moderation' },
];
const current = (path: string) => currentSection(path, sections)?.to;

describe('the console section a path belongs to', () => {
  it('gives a nested section rather than the one whose path contains it', () => {
    expect(current(`${base}/news/newsletters`)).toBe(`${base}/news/newsletters`);
    expect(current(`${base}/news/newsletters/new`)).toBe(`${base}/news/newsletters`);
    expect(current(`${base}/news/newsletters/0b6a2c1e-0000-4000-8000-000000000000`)).toBe(
      `${base}/news/newsletters`,
    );
  });

  it('keeps articles under the news section', () => {
    expect(current(`${base}/news`)).toBe(`${base}/news`);
    expect(current(`${base}/news/`)).toBe(`${base}/news`);
    expect(current(`${base}/news/new`)).toBe(`${base}/news`);
    expect(current(`${base}/news/newsletters-old`)).toBe(`${base}/news`);
  });

  it('matches whole path segments and the overview only exactly', () => {
    expect(current(base)).toBe(base);
    expect(current(`${base}/registryx`)).toBeUndefined();
    expect(current(`${base}/registry/abc`)).toBe(`${base}/registry`);
    expect(current(`${base}/audit`)).toBeUndefined();
  });
});
