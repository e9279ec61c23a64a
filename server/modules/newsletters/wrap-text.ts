/**
 * Line breaking for the plain-text part of a mail: lines of at most `width` columns (a Japanese
 * character counts two), as mail clients show and keep them (RFC 5322 asks for at most 78). Japanese is
 * broken between characters, never before closing punctuation (、。」） …) or after an opening one (「（);
 * Latin words, addresses and {{placeholders}} are never split (a single one longer than a line stays whole
 * on its own line).
 */
const noLineStart = new Set([
  ...'、。，．・：；？！゛゜ヽヾゝゞ々ー）］｝」』】〕〉》”’ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ!),.:;?]}…‥',
]);
const noLineEnd = new Set([...'（［｛「『【〔〈《“‘([{']);

const isWide = (ch: string) => {
  const code = ch.codePointAt(0) ?? 0;
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
};

export const columns = (text: string) => [...text].reduce((sum, ch) => sum + (isWide(ch) ? 2 : 1), 0);

/** Pieces that are never split: a run of non-space Latin (a word, an address, a {{placeholder}}), a space, or one wide character. */
function pieces(line: string): string[] {
  return line.match(/\{\{[a-zA-Z]+\}\}|[\x21-\x7e]+| +|[^\x20-\x7e]/gu) ?? [];
}

function wrapLine(line: string, width: number): string[] {
  if (columns(line) <= width) return [line];
  const out: string[] = [];
  let current: string[] = [];
  let used = 0;
  const flush = () => {
    out.push(current.join('').trimEnd());
    current = [];
    used = 0;
  };
  for (const piece of pieces(line)) {
    const w = columns(piece);
    if (used + w > width && current.length > 0) {
      if (/^ +$/.test(piece)) {
        flush();
        continue;
      }
      // Kinsoku: carry an opening bracket forward, and pull closing punctuation back onto this line.
      if (noLineStart.has(piece) && used + w <= width + 2) {
        current.push(piece);
        used += w;
        continue;
      }
      const carried: string[] = [];
      while (current.length > 1 && noLineEnd.has(current[current.length - 1]!)) {
        carried.unshift(current.pop()!);
      }
      flush();
      current = carried;
      used = columns(carried.join(''));
    }
    if (current.length === 0 && /^ +$/.test(piece)) continue;
    current.push(piece);
    used += w;
  }
  if (current.length > 0) flush();
  return out;
}

/** Wraps every line of a text to `width` columns (76 by default), keeping blank lines and indentation-free. */
export function wrapText(text: string, width = 76): string {
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}
