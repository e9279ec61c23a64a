/**
 * Romaji (Hepburn, Kunrei and Nihon-shiki, as people type names without macrons) to the katakana
 * readings they may stand for. A name in romaji is ambiguous: "Ono" is オノ or, its long vowel left
 * unwritten, オオノ; "Shinichi" is シンイチ (Shin'ichi) or シニチ. So a term gives every reading it can be,
 * and search matches any of them. Readings are matched by their start, so an alternative that another
 * one starts (サトウ beside サト) adds nothing and is dropped.
 */

const vowels: Record<string, string> = { a: 'ア', i: 'イ', u: 'ウ', e: 'エ', o: 'オ' };

// Consonant onsets and their kana for a, i, u, e, o ('' where that syllable has no standard spelling).
const rows: Record<string, [string, string, string, string, string]> = {
  k: ['カ', 'キ', 'ク', 'ケ', 'コ'],
  g: ['ガ', 'ギ', 'グ', 'ゲ', 'ゴ'],
  s: ['サ', 'シ', 'ス', 'セ', 'ソ'],
  z: ['ザ', 'ジ', 'ズ', 'ゼ', 'ゾ'],
  t: ['タ', 'チ', 'ツ', 'テ', 'ト'],
  d: ['ダ', 'ヂ', 'ヅ', 'デ', 'ド'],
  n: ['ナ', 'ニ', 'ヌ', 'ネ', 'ノ'],
  h: ['ハ', 'ヒ', 'フ', 'ヘ', 'ホ'],
  b: ['バ', 'ビ', 'ブ', 'ベ', 'ボ'],
  p: ['パ', 'ピ', 'プ', 'ペ', 'ポ'],
  m: ['マ', 'ミ', 'ム', 'メ', 'モ'],
  y: ['ヤ', '', 'ユ', 'イェ', 'ヨ'],
  r: ['ラ', 'リ', 'ル', 'レ', 'ロ'],
  l: ['ラ', 'リ', 'ル', 'レ', 'ロ'],
  w: ['ワ', 'ウィ', '', 'ウェ', 'ヲ'],
  f: ['ファ', 'フィ', 'フ', 'フェ', 'フォ'],
  v: ['ヴァ', 'ヴィ', 'ヴ', 'ヴェ', 'ヴォ'],
  j: ['ジャ', 'ジ', 'ジュ', 'ジェ', 'ジョ'],
  sh: ['シャ', 'シ', 'シュ', 'シェ', 'ショ'],
  ch: ['チャ', 'チ', 'チュ', 'チェ', 'チョ'],
  ts: ['ツァ', '', 'ツ', '', 'ツォ'],
  dz: ['', '', 'ヅ', '', ''],
  ky: ['キャ', '', 'キュ', '', 'キョ'],
  gy: ['ギャ', '', 'ギュ', '', 'ギョ'],
  sy: ['シャ', '', 'シュ', 'シェ', 'ショ'],
  zy: ['ジャ', '', 'ジュ', 'ジェ', 'ジョ'],
  jy: ['ジャ', '', 'ジュ', 'ジェ', 'ジョ'],
  ty: ['チャ', '', 'チュ', 'チェ', 'チョ'],
  cy: ['チャ', '', 'チュ', 'チェ', 'チョ'],
  dy: ['ヂャ', '', 'ヂュ', '', 'ヂョ'],
  ny: ['ニャ', '', 'ニュ', '', 'ニョ'],
  hy: ['ヒャ', '', 'ヒュ', '', 'ヒョ'],
  by: ['ビャ', '', 'ビュ', '', 'ビョ'],
  py: ['ピャ', '', 'ピュ', '', 'ピョ'],
  my: ['ミャ', '', 'ミュ', '', 'ミョ'],
  ry: ['リャ', '', 'リュ', '', 'リョ'],
};
const onsets = Object.keys(rows).sort((a, b) => b.length - a.length);
const vowelIndex: Record<string, number> = { a: 0, i: 1, u: 2, e: 3, o: 4 };
// Vowels with a macron or circumflex are long: ō is オウ or オオ, ū is ウウ.
const longVowels: Record<string, string> = {
  ā: 'a',
  â: 'a',
  ī: 'i',
  î: 'i',
  ū: 'u',
  û: 'u',
  ē: 'e',
  ê: 'e',
  ō: 'o',
  ô: 'o',
};

const MAX_READINGS = 16;
const isVowel = (ch: string | undefined) => ch !== undefined && ch in vowelIndex;
const isConsonant = (ch: string | undefined) => ch !== undefined && /[a-z]/.test(ch) && !isVowel(ch);

/**
 * The long-vowel spellings a syllable's vowel may stand for when the romaji does not write them:
 * o as オ, オウ or オオ (Ono, Sato, Kosuke), u after a y-sound as ウ or ウウ (Yuki, Ryuji, Shuhei). Not
 * when the next letters write the long vowel themselves (ou, oo, oh before a consonant, uu).
 */
function vowelSpellings(vowel: string, afterY: boolean, rest: string): string[] {
  const next = rest[0];
  if (vowel === 'o') {
    if (next === 'u' || next === 'o') return [''];
    if (next === 'h' && !isVowel(rest[1]) && rest[1] !== 'y') return ['ウ', 'オ'];
    return ['', 'ウ', 'オ'];
  }
  if (vowel === 'u' && afterY && next !== 'u') return ['', 'ウ'];
  return [''];
}

/** The katakana readings a romaji term may stand for, or null when it is not romaji. */
export function romajiReadings(term: string): string[] | null {
  let text = term.normalize('NFKC').toLowerCase().replace(/[-'’]/g, "'");
  for (const [marked, plain] of Object.entries(longVowels))
    text = text.replaceAll(marked, `${plain}${plain === 'o' ? 'h' : plain}`);
  if (!/^[a-z']+$/.test(text) || text.replaceAll("'", '').length < 2) return null;
  const memo = new Map<number, string[] | null>();
  const readings = parse(text, 0, memo);
  if (!readings || readings.length === 0) return null;
  return withoutLonger([...new Set(readings)]).slice(0, MAX_READINGS);
}

/** Every reading of text[from…]; null when some part cannot be read. */
function parse(text: string, from: number, memo: Map<number, string[] | null>): string[] | null {
  if (from >= text.length) return [''];
  const cached = memo.get(from);
  if (cached !== undefined) return cached;
  const results: string[] = [];
  const add = (kana: string, next: number) => {
    const rest = parse(text, next, memo);
    if (rest) for (const tail of rest) if (results.length < 256) results.push(kana + tail);
  };
  const ch = text[from]!;
  const rest = text.slice(from);
  if (ch === "'") {
    add('', from + 1);
  } else if (isVowel(ch)) {
    for (const long of vowelSpellings(ch, false, text.slice(from + 1))) add(vowels[ch]! + long, from + 1);
  } else if (
    ch === 'h' &&
    from > 0 &&
    text[from - 1] === 'o' &&
    !isVowel(text[from + 1]) &&
    text[from + 1] !== 'y'
  ) {
    // The h of "oh" (Ohno, Satoh) marks the long vowel already written before it.
    add('', from + 1);
  } else {
    // A doubled consonant is the small ッ (Hattori, Hokkaido); tch and cch before ch too.
    if (
      isConsonant(ch) &&
      ch !== 'n' &&
      ch !== 'm' &&
      (text[from + 1] === ch ||
        (ch === 't' && text[from + 1] === 'c') ||
        (ch === 'c' && text[from + 1] === 'c'))
    ) {
      add('ッ', from + 1);
    }
    // ン: n before a consonant or at the end, nn, n' ; m before b, p, m (Hepburn: Homma, Sempai).
    // Before a vowel or y, n is ン as in Shin'ichi or Ken'ya, or starts the next syllable: both are tried.
    // No reading starts with ン.
    if (ch === 'n' && from > 0) {
      if (text[from + 1] === 'n') add('ン', from + 2);
      add('ン', from + 1);
    }
    if (ch === 'm' && from > 0 && /[bpm]/.test(text[from + 1] ?? '')) add('ン', from + 1);
    for (const onset of onsets) {
      if (!rest.startsWith(onset)) continue;
      const vowel = text[from + onset.length];
      if (!isVowel(vowel)) continue;
      const kana = rows[onset]![vowelIndex[vowel!]!];
      if (!kana) continue;
      const after = from + onset.length + 1;
      const afterY =
        onset.endsWith('y') || onset === 'j' || onset === 'sh' || onset === 'ch' || onset === 'y';
      for (const long of vowelSpellings(vowel!, afterY, text.slice(after))) add(kana + long, after);
    }
  }
  const answer = results.length > 0 ? results : null;
  memo.set(from, answer);
  return answer;
}

/** Drops readings that start with another reading of the list (matching is by the start). */
function withoutLonger(readings: string[]): string[] {
  const sorted = [...readings].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const kept: string[] = [];
  for (const reading of sorted) if (!kept.some((shorter) => reading.startsWith(shorter))) kept.push(reading);
  return kept;
}
