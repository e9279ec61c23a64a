import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { queryGrams, searchGrams, searchKey, searchTerms } from './text.js';

/**
 * Japanese person search through a token table (owner, token) looked up by text equality.
 * Under row-level security PostgreSQL only uses an index for leakproof operators, which rules out
 * LIKE, trigram and array operators; equality on text is leakproof, so tokens keep search indexed.
 * The registry's records and the community's member profiles both use this scheme.
 */

const han = /\p{Script=Han}/u;
const kanaOnly = /^[\u30a0-\u30ffー]+$/u;

export const readingToken = (kana: string) => `~${kana}`;
/** E-mail addresses and employee numbers are looked up whole, lower-cased, under their own prefix. */
export const asciiToken = (text: string) => `@${text.normalize('NFKC').toLowerCase().trim()}`;
export const isReading = (key: string) => kanaOnly.test(key);
export const isHanLetter = (text: string) => Array.from(text).length === 1 && han.test(text);
export const likeEscape = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

export type PersonSearchValues = {
  /** Names as written (full name, former names, aliases). */
  names: string[];
  /** The family and given readings; each is matched from its start, and both together as one. */
  family: string;
  given: string;
  /** Addresses and numbers matched whole. */
  ascii: string[];
};

/** Bigrams and kanji letters of the names, prefixes of the readings, and addresses whole. */
export function personSearchTokens(values: PersonSearchValues): string[] {
  const names = values.names.map(searchKey);
  const tokens = new Set(searchGrams(names.filter((name) => name.length > 1)));
  for (const name of names) for (const letter of name) if (han.test(letter)) tokens.add(letter);
  const family = searchKey(values.family);
  const given = searchKey(values.given);
  for (const reading of [family, given]) {
    const letters = Array.from(reading);
    // From two letters: a one-letter reading search matches too much for an index to help.
    for (let end = Math.min(2, letters.length); end <= letters.length; end++) {
      tokens.add(readingToken(letters.slice(0, end).join('')));
    }
  }
  if (family && given) tokens.add(readingToken(`${family}${given}`));
  for (const text of values.ascii) tokens.add(asciiToken(text));
  return [...tokens].filter((token) => token !== asciiToken(''));
}

type Term = { key: string; ascii: string | null };

/** The tokens that can find a term: a reading prefix, its bigrams (all needed), a kanji letter, or a whole address. */
function termTokens(term: Term) {
  if (isReading(term.key)) {
    return { all: [], whole: Array.from(term.key).length > 1 ? readingToken(term.key) : null };
  }
  const letters = Array.from(term.key);
  const all = letters.length > 1 ? queryGrams(term.key) : isHanLetter(term.key) ? [term.key] : [];
  return { all, whole: term.ascii ? asciiToken(term.ascii) : null };
}

export type TokenTable = { table: PgTable; tenantId: AnyPgColumn; token: AnyPgColumn; owner: AnyPgColumn };

/**
 * One lookup in the token table for the whole query: owners whose tokens satisfy every term, as an
 * `owner in (…)` condition on `ownerColumn`. One grouped subquery keeps the plan simple however many
 * terms there are. Null when no term has tokens.
 */
export function matchingTokens(table: TokenTable, ownerColumn: AnyPgColumn, tenantId: string, terms: Term[]) {
  const needs = terms.map(termTokens).filter((t) => t.all.length > 0 || t.whole);
  if (needs.length === 0) return null;
  const tokens = [...new Set(needs.flatMap((t) => [...t.all, ...(t.whole ? [t.whole] : [])]))];
  const list = (items: string[]) =>
    sql.join(
      items.map((token) => sql`${token}`),
      sql`, `,
    );
  const satisfied = needs.map((t) => {
    const grams =
      t.all.length > 0
        ? sql`count(*) filter (where ${table.token} in (${list(t.all)})) = ${t.all.length}`
        : null;
    const whole = t.whole ? sql`bool_or(${table.token} = ${t.whole})` : null;
    return grams && whole ? sql`(${grams} or ${whole})` : (grams ?? whole)!;
  });
  return sql`${ownerColumn} in (
    select ${table.owner} from ${table.table}
    where ${table.tenantId} = ${tenantId} and ${table.token} in (${list(tokens)})
    group by ${table.owner}
    having ${sql.join(satisfied, sql` and `)})`;
}

/**
 * The conditions for a free-text person query: tokens narrow by index, then LIKE on the normalised
 * search text confirms each whole term.
 */
export function personQueryConditions(
  table: TokenTable,
  owner: { id: AnyPgColumn; searchText: AnyPgColumn },
  tenantId: string,
  query: string,
): SQL[] {
  const terms = searchTerms(query);
  const conditions: SQL[] = [];
  const tokenMatch = matchingTokens(table, owner.id, tenantId, terms);
  if (tokenMatch) conditions.push(tokenMatch);
  for (const term of terms) conditions.push(sql`${owner.searchText} like ${`%${likeEscape(term.key)}%`}`);
  return conditions;
}
