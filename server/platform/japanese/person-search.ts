import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { queryGrams, searchGrams, searchKey, searchTerms } from './text.js';

/**
 * Japanese person search through tokens looked up by text equality (or by a prefix range).
 * Under row-level security PostgreSQL only uses an index for leakproof operators, which rules out
 * LIKE, trigram and array operators; equality and comparison on text are leakproof, so tokens keep
 * search indexed. The registry's records and the community's member profiles both use this scheme;
 * each supplies the rows (token, owner) its own tables hold for a query (see TokenSource).
 */

const han = /\p{Script=Han}/u;
const kanaOnly = /^[\u30a0-\u30ffー]+$/u;

export const readingToken = (kana: string) => `~${kana}`;
/** The label of owners whose whole reading (family name first) starts with a reading. */
export const readingStartToken = (kana: string) => `^${kana}`;
/** The label of owners with an address or number equal to an ASCII term. */
export const asciiToken = (text: string) => `@${text}`;
/** E-mail addresses and employee numbers are matched whole, NFKC and lower-cased. */
export const asciiKey = (text: string) => text.normalize('NFKC').toLowerCase().trim();
export const isReading = (key: string) => kanaOnly.test(key);
export const isHanLetter = (text: string) => Array.from(text).length === 1 && han.test(text);
export const likeEscape = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
/** Just above every code point: `key >= p and key < p + MAX_CHAR` holds for exactly the keys starting with p. */
export const MAX_CHAR = '\u{10FFFF}';

export type PersonSearchValues = {
  /**
   * Names as written, each one on its own (family name, given name, former names) so that no bigram
   * spans two of them: the bigrams of a family name and a given name repeat across people, the one
   * across them hardly does. A query term of three letters or more may therefore miss one bigram; a
   * two-letter name (林 隆) is listed whole as well, so that 林隆 finds it.
   */
  names: string[];
  /** Readings whose every prefix (from two letters) is a token. */
  readings: string[];
};

/** Bigrams and kanji letters of the names, and prefixes of the readings. */
export function personSearchTokens(values: PersonSearchValues): string[] {
  const names = values.names.map(searchKey).filter((name) => name.length > 0);
  const tokens = new Set(searchGrams(names.filter((name) => Array.from(name).length > 1)));
  for (const name of names) for (const letter of name) if (han.test(letter)) tokens.add(letter);
  for (const reading of values.readings.map(searchKey)) {
    const letters = Array.from(reading);
    // From two letters: a one-letter reading search matches too much for an index to help.
    for (let end = Math.min(2, letters.length); end <= letters.length; end++) {
      tokens.add(readingToken(letters.slice(0, end).join('')));
    }
  }
  return [...tokens];
}

/** One word of a query and what can find it. */
export type PersonTerm = {
  /** The normalised term; LIKE over the owner's search text confirms it. */
  key: string;
  /** Set when the term is a reading of two letters or more: a reading token, or a reading that starts with it. */
  reading: string | null;
  /** Name tokens of the term, and how many of them an owner needs. */
  grams: string[];
  minGrams: number;
  /** Set when the term could be an address or a number: the term NFKC-normalised, as typed and lower-cased. */
  ascii: { typed: string; lower: string } | null;
};

/**
 * What finds a term. A name term of three letters or more needs its bigrams less one, because the
 * bigram across a family and a given name is not a token (see PersonSearchValues).
 */
function personTerm(
  term: { key: string; typed: string; ascii: string | null },
  wholeNames: boolean,
): PersonTerm {
  const ascii = term.ascii ? { typed: term.typed, lower: term.ascii } : null;
  const base = { key: term.key, reading: null, grams: [], minGrams: 0, ascii };
  const letters = Array.from(term.key);
  if (isReading(term.key)) return { ...base, reading: letters.length > 1 ? term.key : null };
  if (letters.length === 1) return isHanLetter(term.key) ? { ...base, grams: letters, minGrams: 1 } : base;
  const grams = queryGrams(term.key);
  return { ...base, grams, minGrams: wholeNames ? grams.length : Math.max(1, grams.length - 1) };
}

/**
 * The terms of a query. `wholeNames`: the owners' names are indexed as written whole, bigrams across
 * family and given name included (the community's display names), so a term needs all its bigrams.
 */
export function personTerms(query: string, options: { wholeNames?: boolean } = {}): PersonTerm[] {
  return searchTerms(query).map((term) => personTerm(term, options.wholeNames ?? false));
}

/** A comma-separated list of text parameters, for `in (…)`. */
export const textList = (items: readonly string[]) =>
  sql.join(
    items.map((item) => sql`${item}`),
    sql`, `,
  );

/** The condition a term puts on an owner's grouped token rows; null when nothing can be looked up for it. */
function termCondition(term: PersonTerm, token: SQL): SQL | null {
  const ways: SQL[] = [];
  if (term.reading) {
    const labels = [readingToken(term.reading), readingStartToken(term.reading)];
    ways.push(sql`bool_or(${token} in (${textList(labels)}))`);
  }
  if (term.grams.length > 0) {
    ways.push(sql`count(*) filter (where ${token} in (${textList(term.grams)})) >= ${term.minGrams}`);
  }
  if (term.ascii) ways.push(sql`bool_or(${token} = ${asciiToken(term.ascii.lower)})`);
  if (ways.length === 0) return null;
  return ways.length === 1 ? ways[0]! : sql`(${sql.join(ways, sql` or `)})`;
}

/**
 * The rows (token, owner) a store holds for a query's terms, as a subquery with those two columns.
 * Each branch must be an index lookup with leakproof conditions.
 */
export type TokenSource = (tenantId: string, terms: PersonTerm[]) => SQL | null;

/** Every token a query's terms look up by equality (name and reading tokens). */
export function lookupTokens(terms: PersonTerm[]): string[] {
  const tokens = new Set<string>();
  for (const term of terms) {
    for (const gram of term.grams) tokens.add(gram);
    if (term.reading) tokens.add(readingToken(term.reading));
  }
  return [...tokens];
}

/**
 * Whether the rows that find a term also prove it, so that LIKE would not remove any owner they find:
 * true for a reading (a prefix of the given name's reading, or of the whole reading), a kanji letter,
 * a two-letter term and an address or number. A longer name term may miss a bigram, so it is confirmed.
 */
function provedByTokens(term: PersonTerm): boolean {
  if (term.reading) return true;
  const letters = Array.from(term.key).length;
  return letters <= 2 && (term.grams.length > 0 || term.ascii !== null);
}

export type PersonQuery = {
  terms: PersonTerm[];
  /** `select owner …`: the owners whose tokens satisfy every term that can be looked up; null if none can. */
  owners: SQL | null;
  /** The owners are exactly the matches: every term is looked up and proved by its tokens. */
  exact: boolean;
};

/** One grouped lookup for the whole query, over the rows a token source gives for its terms. */
export function personQuery(
  source: TokenSource,
  tenantId: string,
  query: string,
  options: { wholeNames?: boolean } = {},
): PersonQuery {
  const terms = personTerms(query, options);
  const token = sql.raw('found.token');
  const indexed = terms.flatMap((term) => {
    const condition = termCondition(term, token);
    return condition ? [{ term, condition }] : [];
  });
  const rows =
    indexed.length > 0
      ? source(
          tenantId,
          indexed.map(({ term }) => term),
        )
      : null;
  if (!rows) return { terms, owners: null, exact: false };
  const owners = sql`select found.owner from (${rows}) as found(token, owner)
    group by found.owner
    having ${sql.join(
      indexed.map(({ condition }) => condition),
      sql` and `,
    )}`;
  return { terms, owners, exact: indexed.length === terms.length && terms.every(provedByTokens) };
}

/**
 * The conditions for a free-text person query: tokens narrow by index, then LIKE on the normalised
 * search text confirms each whole term. As a plain `in`, PostgreSQL joins the owners to their rows;
 * `asFilter` keeps it a hashed filter instead, for a walk along an index in the order wanted.
 */
export function personQueryConditions(
  source: TokenSource,
  owner: { id: AnyPgColumn; searchText: AnyPgColumn },
  tenantId: string,
  query: string | PersonQuery,
  options: { asFilter?: boolean | undefined; wholeNames?: boolean } = {},
): SQL[] {
  const { terms, owners } = typeof query === 'string' ? personQuery(source, tenantId, query, options) : query;
  const conditions: SQL[] = [];
  if (owners) {
    conditions.push(
      options.asFilter ? sql`coalesce(${owner.id} in (${owners}), false)` : sql`${owner.id} in (${owners})`,
    );
  }
  for (const term of terms) conditions.push(sql`${owner.searchText} like ${`%${likeEscape(term.key)}%`}`);
  return conditions;
}

/** A token table (token, owner) looked up by equality: the community's member tokens. */
export function tokenTableSource(table: {
  table: PgTable;
  tenantId: AnyPgColumn;
  token: AnyPgColumn;
  owner: AnyPgColumn;
}): TokenSource {
  return (tenantId, terms) => {
    const tokens = lookupTokens(terms);
    if (tokens.length === 0) return null;
    return sql`select ${table.token}, ${table.owner} from ${table.table}
      where ${table.tenantId} = ${tenantId} and ${table.token} in (${textList(tokens)})`;
  };
}
