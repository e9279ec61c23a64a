/** The formatting the composer offers as buttons; posts are still stored as the Markdown subset. */
export type Format = 'bold' | 'italic' | 'link' | 'list';

export type Edit = { text: string; selectionStart: number; selectionEnd: number };

/**
 * Applies a format to the selection of a text and says what to select afterwards. Bold and italic
 * use asterisks, not underscores: Markdown does not open `_` inside a word, and Japanese has no
 * spaces between words, so 「です_斜体_です」 would stay as typed. With nothing selected the markers
 * are inserted with the caret between them; a link selects its address, ready to paste.
 */
export function applyFormat(
  text: string,
  start: number,
  end: number,
  format: Format,
  placeholder: { linkText: string },
): Edit {
  const before = text.slice(0, start);
  const selected = text.slice(start, end);
  const after = text.slice(end);
  if (format === 'bold' || format === 'italic') {
    const marker = format === 'bold' ? '**' : '*';
    // Spaces just inside the markers would stop them from counting as emphasis; keep them outside.
    const lead = /^\s*/.exec(selected)![0];
    const trail = selected.length > lead.length ? /\s*$/.exec(selected)![0] : '';
    const inner = selected.slice(lead.length, selected.length - trail.length);
    const opened = `${before}${lead}${marker}`;
    return {
      text: `${opened}${inner}${marker}${trail}${after}`,
      selectionStart: opened.length,
      selectionEnd: opened.length + inner.length,
    };
  }
  if (format === 'link') {
    const label = selected.trim() || placeholder.linkText;
    const address = 'https://';
    const head = `${before}[${label}](`;
    if (selected.trim()) {
      return {
        text: `${head}${address})${after}`,
        selectionStart: head.length,
        selectionEnd: head.length + address.length,
      };
    }
    return {
      text: `${head}${address})${after}`,
      selectionStart: before.length + 1,
      selectionEnd: before.length + 1 + label.length,
    };
  }
  // A list: every line the selection touches becomes an item (lines already items stay as they are).
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = text.indexOf('\n', end);
  const lineEnd = nextBreak === -1 ? text.length : nextBreak;
  const lines = text.slice(lineStart, lineEnd).split('\n');
  const items = lines.map((line) => (/^\s*[-*+] /.test(line) ? line : `- ${line}`)).join('\n');
  const rebuilt = `${text.slice(0, lineStart)}${items}`;
  return {
    text: `${rebuilt}${text.slice(lineEnd)}`,
    selectionStart: rebuilt.length,
    selectionEnd: rebuilt.length,
  };
}
