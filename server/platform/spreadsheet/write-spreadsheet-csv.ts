import { stringify } from 'csv-stringify/sync';
import { encodeCp932, lettersMissingFromCp932, standInFor, toCp932Forms } from './cp932.js';
import { guardFormula } from './formula-guard.js';

/**
 * One cell: text (guarded against formula injection when it needs it), a number (written as a number,
 * never guarded: it cannot be a formula), or empty.
 */
export type SpreadsheetCell = string | number | null;

/** One data row; `ref` names the row for people (an employee number and a name) in the summary. */
export type SpreadsheetRow = { cells: readonly SpreadsheetCell[]; ref?: string };

/** UTF-8 with a byte order mark (so Excel reads it as UTF-8), or Windows-31J for older Excel set-ups. */
export type SpreadsheetEncoding = 'utf8' | 'cp932';

/** A cell that had letters CP932 has no code for; the file shows 〓 for each of them. */
export type UnencodableCell = { row: number; ref: string | null; column: string; characters: string };

export type SpreadsheetSummary = {
  rows: number;
  encoding: SpreadsheetEncoding;
  /** Cells that began with = + - @ TAB or CR and were written with a leading apostrophe. */
  formulaCellsGuarded: number;
  /** Every letter written as 〓, once each, in the order met; empty for UTF-8. */
  unencodableLetters: string[];
  unencodable: UnencodableCell[];
};

export type SpreadsheetFile = { bytes: Buffer; summary: SpreadsheetSummary };

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const ROWS_PER_CHUNK = 1000;

function cellText(cell: SpreadsheetCell): { text: string; guarded: boolean } {
  if (cell === null) return { text: '', guarded: false };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new Error(`spreadsheet cell is not a finite number: ${cell}`);
    return { text: String(cell), guarded: false };
  }
  const text = guardFormula(cell);
  return { text, guarded: text !== cell };
}

/**
 * The one way Enishi writes a spreadsheet file: a header row and data rows of typed cells in, the bytes of
 * an RFC 4180 CSV (CRLF, quoted where needed, line breaks kept inside quoted cells) and a summary out.
 * Text that a spreadsheet would run as a formula is guarded (see formula-guard.ts); in CP932, letters it
 * cannot hold are written as 〓 and listed in the summary, never replaced silently.
 */
export async function writeSpreadsheetCsv(input: {
  columns: readonly string[];
  rows: Iterable<SpreadsheetRow> | AsyncIterable<SpreadsheetRow>;
  encoding: SpreadsheetEncoding;
}): Promise<SpreadsheetFile> {
  const summary: SpreadsheetSummary = {
    rows: 0,
    encoding: input.encoding,
    formulaCellsGuarded: 0,
    unencodableLetters: [],
    unencodable: [],
  };
  const encode = (text: string) =>
    input.encoding === 'cp932' ? encodeCp932(text) : Buffer.from(text, 'utf8');
  const line = (cells: readonly SpreadsheetCell[], row: SpreadsheetRow | null) =>
    cells.map((cell, index) => {
      const { text, guarded } = cellText(cell);
      if (guarded) summary.formulaCellsGuarded += 1;
      if (input.encoding === 'utf8') return text;
      const forms = toCp932Forms(text);
      const missing = lettersMissingFromCp932(forms);
      if (missing.length === 0) return forms;
      summary.unencodable.push({
        row: summary.rows,
        ref: row?.ref ?? null,
        column: input.columns[index] ?? `#${index + 1}`,
        characters: missing.join(''),
      });
      for (const letter of missing)
        if (!summary.unencodableLetters.includes(letter)) summary.unencodableLetters.push(letter);
      return standInFor(forms, missing);
    });
  const write = (lines: string[][]) =>
    encode(stringify(lines, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ }));

  const chunks: Buffer[] = input.encoding === 'utf8' ? [UTF8_BOM] : [];
  chunks.push(write([line(input.columns, null)]));
  let pending: string[][] = [];
  for await (const row of input.rows) {
    summary.rows += 1;
    pending.push(line(row.cells, row));
    if (pending.length === ROWS_PER_CHUNK) {
      chunks.push(write(pending));
      pending = [];
    }
  }
  if (pending.length > 0) chunks.push(write(pending));
  return { bytes: Buffer.concat(chunks), summary };
}
