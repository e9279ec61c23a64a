import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { readSheet } from 'read-excel-file/node';
import { AppError } from '../../../platform/errors.js';
import { isoFromDate } from '../../../platform/japanese/dates.js';
import { unguardFormula } from '../../../platform/spreadsheet/formula-guard.js';

export type TableFormat = { format: 'csv' | 'xlsx'; encoding: 'utf8' | 'cp932' | 'xlsx' };
export type TableRow = { rowNumber: number; cells: string[] };

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

/** UTF-8 unless the bytes cannot be UTF-8; a cut multi-byte letter at the end of the sample is allowed. */
function looksUtf8(sample: Buffer): boolean {
  for (let cut = 0; cut <= 3 && cut < sample.length; cut++) {
    if (isUtf8(sample.subarray(0, sample.length - cut))) return true;
  }
  return sample.length === 0;
}

export function detectFormat(firstChunk: Buffer): TableFormat {
  if (firstChunk.subarray(0, 4).equals(zipMagic)) return { format: 'xlsx', encoding: 'xlsx' };
  if (firstChunk.subarray(0, 3).equals(utf8Bom) || looksUtf8(firstChunk))
    return { format: 'csv', encoding: 'utf8' };
  return { format: 'csv', encoding: 'cp932' };
}

function sniffDelimiter(firstLine: string): string {
  const counts = [',', '\t', ';'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ',';
}

async function* prepend(first: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoFromDate(value) ?? '';
  return unguardFormula(String(value));
}

const unreadable = () => new AppError(422, 'import_file_unreadable');

/**
 * Reads a CSV (UTF-8 with or without BOM, or CP932; RFC 4180 quoting with line breaks in cells)
 * or the first sheet of an .xlsx, from chunks, one row at a time. Row numbers are the ones Excel shows.
 */
export async function openTable(
  chunks: AsyncIterable<Buffer>,
): Promise<TableFormat & { rows: AsyncGenerator<TableRow> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done || first.value.length === 0) throw new AppError(422, 'import_file_empty');
  const format = detectFormat(first.value);
  const source = prepend(first.value, iterator);

  if (format.format === 'xlsx') {
    // .xlsx is a zip archive and cannot be read in pieces; uploads are size-limited for that reason.
    const parts: Buffer[] = [];
    for await (const part of source) parts.push(part);
    let sheet: unknown[][];
    try {
      sheet = (await readSheet(Buffer.concat(parts))) as unknown[][];
    } catch {
      throw unreadable();
    }
    async function* xlsxRows(): AsyncGenerator<TableRow> {
      for (const [index, row] of sheet.entries()) {
        const cells = row.map(cellText);
        if (cells.some((cell) => cell.trim() !== '')) yield { rowNumber: index + 1, cells };
      }
    }
    return { ...format, rows: xlsxRows() };
  }

  const decoded = Readable.from(source).pipe(
    format.encoding === 'cp932' ? iconv.decodeStream('cp932') : iconv.decodeStream('utf8'),
  );
  const textIterator = decoded[Symbol.asyncIterator]() as AsyncIterator<string>;
  const head = await textIterator.next();
  const headText = head.done ? '' : String(head.value);
  const delimiter = sniffDelimiter(headText.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '');
  async function* text(): AsyncGenerator<string> {
    if (headText) yield headText;
    for (;;) {
      const next = await textIterator.next();
      if (next.done) return;
      yield String(next.value);
    }
  }
  const parser = Readable.from(text()).pipe(
    parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true }),
  );
  async function* csvRows(): AsyncGenerator<TableRow> {
    let rowNumber = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        rowNumber += 1;
        // An exported file comes back as it went out: the apostrophe guarding a formula-like cell goes.
        yield { rowNumber, cells: record.map(unguardFormula) };
      }
    } catch (error) {
      if (error instanceof CsvError) {
        throw new AppError(422, 'import_file_malformed', [
          { path: 'file', code: 'import_file_malformed', params: { row: rowNumber + 1 } },
        ]);
      }
      throw error;
    }
  }
  return { ...format, rows: csvRows() };
}

/** The header row and, for convenience, how many data rows follow. */
export async function readHeader(chunks: AsyncIterable<Buffer>) {
  const table = await openTable(chunks);
  const header = await table.rows.next();
  if (header.done) throw new AppError(422, 'import_file_empty');
  let dataRows = 0;
  for await (const _row of table.rows) dataRows += 1;
  if (dataRows === 0) throw new AppError(422, 'import_file_empty');
  const headers = header.value.cells.map((cell, i) => cell.trim() || `#${i + 1}`);
  return { format: table.format, encoding: table.encoding, headers, dataRows };
}
