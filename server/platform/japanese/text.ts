/**
 * Japanese-aware normalisation for names, readings and search keys.
 * Stored and shown text keeps what people typed; only search and sort keys are folded.
 */

// Old and variant forms seen in personal names, folded to the everyday form for matching only.
const variantKanji: Record<string, string> = {
  髙: '高',
  﨑: '崎',
  嵜: '崎',
  碕: '崎',
  齋: '斎',
  齊: '斎',
  斉: '斎',
  邊: '辺',
  邉: '辺',
  𠮷: '吉',
  濵: '浜',
  濱: '浜',
  澤: '沢',
  櫻: '桜',
  廣: '広',
  德: '徳',
  惠: '恵',
  冨: '富',
  嶋: '島',
  嶌: '島',
  槇: '槙',
  國: '国',
  圓: '円',
  壽: '寿',
  實: '実',
  龍: '竜',
  彌: '弥',
  眞: '真',
  淺: '浅',
  藏: '蔵',
  瀨: '瀬',
  曾: '曽',
  﨔: '欅',
};

const variantPattern = new RegExp(`[${Object.keys(variantKanji).join('')}]`, 'gu');

/** ひらがな → カタカナ (NFKC does not do this; the blocks are 0x60 apart). */
export function hiraganaToKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096\u309d\u309e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
}

export function foldVariantKanji(text: string): string {
  return text.replace(variantPattern, (ch) => variantKanji[ch] ?? ch);
}

const kana = '\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc-\u30fe';
// Dashes people type for the long-vowel mark: hyphen-minus (also from full-width －), hyphen, non-breaking
// hyphen, figure dash, en and em dash, horizontal bar and minus sign.
const longVowelDash = new RegExp(`(?<=[${kana}])[-\u2010-\u2015\u2212](?=[${kana}])`, 'gu');

/**
 * NFKC, plus what NFKC leaves undone for kana: the spacing voicing marks ゛ and ゜ (U+309B/U+309C, typed
 * after the kana they voice: ヨシタ゛) become the combining ones, so that タ゛ composes to ダ as ﾀﾞ does,
 * instead of NFKC's space and a lone mark; and a dash between kana (ジョ－ジ, ジョ-ジ) is the long-vowel
 * mark ー. Dashes elsewhere (an employee number A-123) stay as they are.
 */
export function normaliseKana(text: string): string {
  return (
    text
      .replace(/[\s\u3000]*\u309b/g, '\u3099')
      .replace(/[\s\u3000]*\u309c/g, '\u309a')
      // What NFKC made of a spacing mark before: a space and the combining mark (keys stored earlier).
      .replace(/[\s\u3000]+(?=[\u3099\u309a])/g, '')
      .normalize('NFKC')
      .replace(longVowelDash, 'ー')
  );
}

/** Full-width spaces and runs of spaces become one ASCII space; ends are trimmed. */
export function tidySpaces(text: string): string {
  return text.replace(/[\s\u3000]+/g, ' ').trim();
}

/** A reading (フリガナ) as full-width katakana, whether typed in hiragana or half-width kana. */
export function normaliseReading(text: string): string {
  return tidySpaces(hiraganaToKatakana(normaliseKana(text)));
}

const readingPattern = /^[\u30a0-\u30ff ・ー]*$/u;
export function isKatakanaReading(text: string): boolean {
  return readingPattern.test(text);
}

/** The key both stored text and queries are reduced to before matching. */
export function searchKey(text: string): string {
  return foldVariantKanji(hiraganaToKatakana(normaliseKana(text).toLowerCase())).replace(
    /[\s\u3000・･\-‐－_]+/g,
    '',
  );
}

/**
 * Search terms of a query: whitespace separates terms that must all match. `typed` keeps the case,
 * `ascii` is set (lower-cased) when the term could be an address or a number.
 */
export function searchTerms(query: string): { key: string; typed: string; ascii: string | null }[] {
  return tidySpaces(query)
    .split(' ')
    .map((raw) => {
      const typed = raw.normalize('NFKC');
      const plain = typed.toLowerCase();
      return { key: searchKey(raw), typed, ascii: /^[\x21-\x7e]+$/.test(plain) ? plain : null };
    })
    .filter((term) => term.key.length > 0);
}

/** Bigrams of each field (a one-letter field is kept whole), which a GIN index can intersect. */
export function searchGrams(fields: string[]): string[] {
  const grams = new Set<string>();
  for (const field of fields) for (const gram of queryGrams(field)) grams.add(gram);
  return [...grams];
}

/** The bigrams a term needs; a one-letter term has none and is matched by LIKE alone. */
export function queryGrams(term: string): string[] {
  const letters = Array.from(term);
  if (letters.length === 1) return letters;
  const grams = new Set<string>();
  for (let i = 0; i + 1 < letters.length; i++) grams.add(letters[i]! + letters[i + 1]!);
  return [...grams];
}

const smallKana: Record<string, string> = {
  ァ: 'ア',
  ィ: 'イ',
  ゥ: 'ウ',
  ェ: 'エ',
  ォ: 'オ',
  ッ: 'ツ',
  ャ: 'ヤ',
  ュ: 'ユ',
  ョ: 'ヨ',
  ヮ: 'ワ',
  ヵ: 'カ',
  ヶ: 'ケ',
};

/**
 * Sort key for 五十音順: voicing marks and small kana are set aside first so that
 * ガ sorts with カ, then the full reading breaks ties (カ before ガ).
 */
export function readingSortKey(reading: string): string {
  const plain = plainReading(reading);
  return `${readingFoldKey(plain)}\u0001${plain}`;
}

// The separators searchKey drops, so that a reading's sort key and a search for it agree.
const readingSeparators = /[\s\u3000・･\-‐－_]+/g;

/** A reading as full-width katakana without spaces or separators: what searches match it against. */
export function plainReading(reading: string): string {
  return normaliseReading(reading).replace(readingSeparators, '');
}

/**
 * A reading without voicing marks and with small kana made large: the part of the sort key a reading
 * search ranges over, so the key of any reading starting with R starts with readingFoldKey(R).
 */
export function readingFoldKey(reading: string): string {
  return plainReading(reading)
    .normalize('NFD')
    .replace(/[\u3099\u309a]/g, '')
    .replace(/[ァィゥェォッャュョヮヵヶ]/g, (ch) => smallKana[ch] ?? ch);
}

/** Splits 氏名 written with a space (half- or full-width) into family and given names. */
export function splitPersonName(fullName: string): { family: string; given: string } {
  const tidy = tidySpaces(fullName);
  const space = tidy.indexOf(' ');
  if (space < 0) return { family: tidy, given: '' };
  return { family: tidy.slice(0, space), given: tidy.slice(space + 1) };
}
