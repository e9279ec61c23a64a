import { tidySpaces } from '../../../platform/japanese/text.js';

/** Letters of any script, combining marks, digits, underscore and the long-vowel mark: #起業 #AWS #ｄｘ推進. */
const hashtagBody = /^[\p{L}\p{M}\p{N}_ー・]+$/u;
export const maxHashtagLength = 40;

export type NormalisedHashtag = { key: string; label: string };

/**
 * A typed hashtag in the form it is shown (`label`: NFKC, so ＡＷＳ and ｱｲ become AWS and アイ) and the
 * form it is matched on (`key`: also lower-cased, so #aws and #AWS are one tag). Null when it is not one.
 */
export function normaliseHashtag(input: string): NormalisedHashtag | null {
  const label = tidySpaces(input.normalize('NFKC')).replace(/^#+/, '');
  if (label.length === 0 || Array.from(label).length > maxHashtagLength || !hashtagBody.test(label)) {
    return null;
  }
  return { key: label.toLowerCase(), label };
}

/** The hashtags written in a text (#起業 or ＃起業), in order, each once. */
export function hashtagsInText(text: string): NormalisedHashtag[] {
  const seen = new Map<string, NormalisedHashtag>();
  for (const match of text.normalize('NFKC').matchAll(/#([\p{L}\p{M}\p{N}_ー・]+)/gu)) {
    const tag = normaliseHashtag(match[1]!);
    if (tag && !seen.has(tag.key)) seen.set(tag.key, tag);
  }
  return [...seen.values()];
}
