import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../../server/modules/community/posts/render-markdown';
import { applyFormat } from './composer-format';

const placeholder = { linkText: 'リンクの文字' };
const render = (text: string) => renderMarkdown(text, 'demo');

describe('formatting buttons in the composer', () => {
  it('bold and italic wrap the selection, and the server renders them inside Japanese text', () => {
    const text = '今日は新しい職場の初日です';
    const start = text.indexOf('新しい職場');
    const bold = applyFormat(text, start, start + 5, 'bold', placeholder);
    expect(bold.text).toBe('今日は**新しい職場**の初日です');
    expect(bold.text.slice(bold.selectionStart, bold.selectionEnd)).toBe('新しい職場');
    expect(render(bold.text)).toContain('<strong>新しい職場</strong>');

    const italic = applyFormat(text, start, start + 5, 'italic', placeholder);
    expect(render(italic.text)).toContain('<em>新しい職場</em>');
  });

  it('with nothing selected, the markers go in with the caret between them', () => {
    const edit = applyFormat('abc', 3, 3, 'bold', placeholder);
    expect(edit).toEqual({ text: 'abc****', selectionStart: 5, selectionEnd: 5 });
  });

  it('spaces at the edges of the selection stay outside the markers', () => {
    const edit = applyFormat('a bold b', 1, 7, 'bold', placeholder);
    expect(edit.text).toBe('a **bold** b');
    expect(render(edit.text)).toContain('<strong>bold</strong>');
  });

  it('a link keeps the selected words and selects the address to paste over', () => {
    const edit = applyFormat('募集ページ', 0, 5, 'link', placeholder);
    expect(edit.text).toBe('[募集ページ](https://)');
    expect(edit.text.slice(edit.selectionStart, edit.selectionEnd)).toBe('https://');
    const pasted = `${edit.text.slice(0, edit.selectionStart)}https://example.jp/jobs${edit.text.slice(edit.selectionEnd)}`;
    expect(render(pasted)).toContain('<a href="https://example.jp/jobs"');
    const empty = applyFormat('', 0, 0, 'link', placeholder);
    expect(empty.text.slice(empty.selectionStart, empty.selectionEnd)).toBe('リンクの文字');
  });

  it('a list turns every selected line into an item, after a paragraph too', () => {
    const text = '持ち物\nノート\nペン';
    const edit = applyFormat(text, text.indexOf('ノート'), text.length, 'list', placeholder);
    expect(edit.text).toBe('持ち物\n- ノート\n- ペン');
    const html = render(edit.text);
    expect(html).toContain('<li>ノート</li>');
    expect(html).toContain('<li>ペン</li>');
    // Applied again, the items stay as they are.
    expect(applyFormat(edit.text, 4, edit.text.length, 'list', placeholder).text).toBe(edit.text);
  });
});
