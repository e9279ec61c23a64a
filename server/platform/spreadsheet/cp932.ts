import iconv from 'iconv-lite';

/** What CP932 files show in place of a letter they cannot hold (〓, the geta mark, is in CP932 itself). */
export const CP932_STAND_IN = '〓';

/**
 * Letters of JIS X 0208 that Unicode has twice: the JIS mapping (what a Mac or a Shift_JIS converter
 * gives, e.g. 〜 U+301C) and Microsoft's (～ U+FF5E). They are the same letter in the same JIS cell, but
 * CP932 only knows Microsoft's code point, so they are written as that rather than lost.
 */
const microsoftForms = new Map([
  ['\u301c', '\uff5e'], // 〜 wave dash → ～
  ['\u2212', '\uff0d'], // − minus sign → －
  ['\u2016', '\u2225'], // ‖ double vertical line → ∥
  ['\u2014', '\u2015'], // — em dash → ―
  ['\u00a2', '\uffe0'], // ¢ → ￠
  ['\u00a3', '\uffe1'], // £ → ￡
  ['\u00ac', '\uffe2'], // ¬ → ￢
  ['\u00a5', '\uffe5'], // ¥ → ￥ (CP932's 0x5C is the backslash)
  ['\u203e', '\uffe3'], // ‾ overline → ￣
]);
const jisForms = new RegExp(`[${[...microsoftForms.keys()].join('')}]`, 'gu');

/** The text with JIS-mapped letters in the form CP932 holds. */
export function toCp932Forms(text: string): string {
  return text.replace(jisForms, (letter) => microsoftForms.get(letter) ?? letter);
}

const roundTrips = (text: string) => iconv.decode(iconv.encode(text, 'cp932'), 'cp932') === text;

/**
 * The distinct letters of a text (already in CP932 forms) that Windows-31J, with its NEC and IBM
 * extensions (so 髙 﨑 ① ㈱ are fine), has no code for, such as 𠮷. iconv would write "?" without a word.
 */
export function lettersMissingFromCp932(text: string): string[] {
  // Most cells are plain ASCII or ordinary Japanese: one round trip settles them.
  if (roundTrips(text)) return [];
  const missing: string[] = [];
  for (const letter of text) {
    if (letter.charCodeAt(0) < 0x80 || missing.includes(letter)) continue;
    if (!roundTrips(letter)) missing.push(letter);
  }
  return missing;
}

/** The text with each of the given letters written as the stand-in. */
export function standInFor(text: string, missing: readonly string[]): string {
  return [...text].map((letter) => (missing.includes(letter) ? CP932_STAND_IN : letter)).join('');
}

export function encodeCp932(text: string): Buffer {
  return iconv.encode(text, 'cp932');
}
