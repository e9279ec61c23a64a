import { describe, expect, it } from 'vitest';
import { columns, wrapText } from './wrap-text.js';

describe('wrapText', () => {
  it('breaks Japanese between characters within 76 columns, never before 。、」 or after 「', () => {
    const text =
      'いつもアルムナイネットワークをご覧いただきありがとうございます。今月は「新しい人事制度」と、来月の交流会についてお知らせします。ぜひご一読ください。';
    const lines = wrapText(text).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(text);
    for (const line of lines) {
      expect(columns(line)).toBeLessThanOrEqual(78);
      expect('、。」）'.includes(line[0]!)).toBe(false);
      expect('「（'.includes(line.at(-1)!)).toBe(false);
    }
  });

  it('keeps Latin words, addresses and placeholders whole, and short lines as they are', () => {
    const url = `https://example.com/${'a'.repeat(90)}`;
    const text = `Read more about the new policy and the event next month at ${url} and {{unsubscribeUrl}} for more`;
    const lines = wrapText(text).split('\n');
    expect(lines).toContain(url);
    expect(lines.join(' ').split(/\s+/)).toEqual(text.split(/\s+/));
    expect(wrapText('短い行\n\n次の段落')).toBe('短い行\n\n次の段落');
  });
});
