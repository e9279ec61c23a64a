import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { romajiReadings } from './romaji.js';
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
   * Names as written (the whole name, family name first, and former names): every bigram of each is a
   * token, so a term's bigrams all being there is what finds it, across family and given name too.
   */
  names: string[];
  /** Readings whose every prefix is a token. */
  readings: string[];
};

/** Bigrams and kanji letters of the names, and prefixes of the readings. */
export function personSearchTokens(values: PersonSearchValues): string[] {
  const names = values.names.map(searchKey).filter((name) => name.length > 0);
  const tokens = new Set(searchGrams(names.filter((name) => Array.from(name).length > 1)));
  for (const name of names) for (const letter of name) if (han.test(letter)) tokens.add(letter);
  for (const reading of values.readings.map(searchKey)) {
    const letters = Array.from(reading);
    for (let end = 1; end <= letters.length; end++) {
      tokens.add(readingToken(letters.slice(0, end).join('')));
    }
  }
  return [...tokens];
}

/** One word of a query and what can find it. */
export type PersonTerm = {
  /** The normalised term; LIKE over the owner's search text confirms it when no token can find it. */
  key: string;
  /**
   * Readings an owner's reading may start with: the term itself when written in kana, or what a romaji
   * term may stand for (takahashi → タカハシ; ono → オノ, オオノ, …).
   */
  readings: string[];
  /** Name tokens of the term; an owner needs all of them. */
  grams: string[];
  /** Set when the term could be an address or a number: the term NFKC-normalised, as typed and lower-cased. */
  ascii: { typed: string; lower: string } | null;
};

/** What finds a term: its reading(s), its bigrams (or its one kanji), its start of an address or number. */
function personTerm(term: { key: string; typed: string; ascii: string | null }): PersonTerm {
  const ascii = term.ascii ? { typed: term.typed, lower: term.ascii } : null;
  const base = { key: term.key, readings: [], grams: [], ascii };
  const letters = Array.from(term.key);
  if (isReading(term.key)) return { ...base, readings: [term.key] };
  const readings = ascii ? (romajiReadings(ascii.lower) ?? []) : [];
  if (letters.length === 1) return { ...base, readings, grams: isHanLetter(term.key) ? letters : [] };
  return { ...base, readings, grams: queryGrams(term.key) };
}

/** The terms of a query: whitespace separates terms that must all match. */
export function personTerms(query: string): PersonTerm[] {
  return searchTerms(query).map(personTerm);
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
  if (term.readings.length > 0) {
    const labels = term.readings.flatMap((reading) => [readingToken(reading), readingStartToken(reading)]);
    ways.push(sql`bool_or(${token} in (${textList(labels)}))`);
  }
  if (term.grams.length > 0) {
    // Each gram on its own: a source may find the same token of an owner twice (a name and a former
    // name), and a conjunction of bool_or lets PostgreSQL group by hashing instead of sorting.
    const grams = [...new Set(term.grams)].map((gram) => sql`bool_or(${token} = ${gram})`);
    ways.push(grams.length === 1 ? grams[0]! : sql`(${sql.join(grams, sql` and `)})`);
  }
  if (term.ascii) ways.push(sql`bool_or(${token} = ${asciiToken(term.ascii.lower)})`);
  if (ways.length === 0) return null;
  return ways.length === 1 ? ways[0]! : sql`(${sql.join(ways, sql` or `)})`;
}

/**
 * The rows (token, owner, key) a store holds for a query's terms, as a subquery with those three
 * columns: `key` is the owner's reading sort key where the store has it at hand, else NULL.
 * Each branch must be an index lookup with leakproof conditions, and a name token's rows must hold
 * each owner once (see foundByOneToken).
 */
export type TokenSource = (tenantId: string, terms: PersonTerm[]) => SQL | null;

/** Every token a query's terms look up by equality (name and reading tokens). */
export function lookupTokens(terms: PersonTerm[]): string[] {
  const tokens = new Set<string>();
  for (const term of terms) {
    for (const gram of term.grams) tokens.add(gram);
    for (const reading of term.readings) tokens.add(readingToken(reading));
  }
  return [...tokens];
}

/**
 * Whether tokens find a term, which then needs no LIKE over the owner's text: a reading (the start of
 * the given name's reading, or of the whole reading), a kanji letter, a name's bigrams, the start of an
 * address or number. Every bigram of a name is a token, so an owner with all of a term's bigrams has
 * the term in its name, save an owner whose bigrams repeat in another order (ABCAB for ABAB), which
 * names do not.
 */
export function provedByTokens(term: PersonTerm): boolean {
  return term.readings.length > 0 || term.grams.length > 0 || term.ascii !== null;
}

export type PersonQuery = {
  terms: PersonTerm[];
  /**
   * `select owner, key …`: the owners whose tokens satisfy every term that can be looked up, with their
   * reading sort key where the token source had it (else NULL); null if no term can be looked up.
   */
  owners: SQL | null;
  /** The owners are exactly the matches: every term is looked up and proved by its tokens. */
  exact: boolean;
};

/** One grouped lookup for the whole query, over the rows a token source gives for its terms. */
export function personQuery(source: TokenSource, tenantId: string, query: string): PersonQuery {
  const terms = personTerms(query);
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
  const exact = indexed.length === terms.length && terms.every(provedByTokens);
  const [only] = indexed;
  if (indexed.length === 1 && only && foundByOneToken(only.term)) {
    // One token's rows, each owner once (a posting list): nothing to group (the commonest surnames and
    // single kanji find tens of thousands, where grouping cost more than the rest of the search).
    return {
      terms,
      owners: sql`select found.owner, found.key from (${rows}) as found(token, owner, key)`,
      exact,
    };
  }
  const owners = sql`select found.owner, max(found.key) as key from (${rows}) as found(token, owner, key)
    group by found.owner
    having ${sql.join(
      indexed.map(({ condition }) => condition),
      sql` and `,
    )}`;
  return { terms, owners, exact };
}

/** A term whose only lookup is one name token (佐藤, 藤): a source gives one row per owner for it. */
function foundByOneToken(term: PersonTerm): boolean {
  return term.grams.length === 1 && term.readings.length === 0 && term.ascii === null;
}

/**
 * The conditions for a free-text person query: the owners the tokens find (PostgreSQL joins them to
 * their rows by id), and LIKE on the normalised search text only for a term no token can find.
 */
export function personQueryConditions(
  source: TokenSource,
  owner: { id: AnyPgColumn; searchText: AnyPgColumn },
  tenantId: string,
  query: string | PersonQuery,
): SQL[] {
  const { terms, owners } = typeof query === 'string' ? personQuery(source, tenantId, query) : query;
  const conditions: SQL[] = [];
  if (owners) {
    conditions.push(sql`${owner.id} in (select owners.owner from (${owners}) owners)`);
  }
  for (const term of terms) {
    if (!provedByTokens(term)) conditions.push(sql`${owner.searchText} like ${`%${likeEscape(term.key)}%`}`);
  }
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
    return sql`select ${table.token}, ${table.owner}, null::text from ${table.table}
      where ${table.tenantId} = ${tenantId} and ${table.token} in (${textList(tokens)})`;
  };
}
