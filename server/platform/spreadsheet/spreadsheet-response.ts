import { z } from '@hono/zod-openapi';
import { contentDisposition } from '../http/content-disposition.js';
import type { Locale } from '../i18n/messages.js';
import { presentSpreadsheetSummary, SpreadsheetSummarySchema } from './spreadsheet-summary.js';
import type { SpreadsheetFile } from './write-spreadsheet-csv.js';

const binary = z.string().openapi({ format: 'binary' });

/** The OpenAPI response of every spreadsheet download. */
export const spreadsheetResponse = {
  description:
    'The CSV file by default (counts in X-Enishi-Rows, X-Enishi-Formula-Cells and X-Enishi-Unencodable-Count). ' +
    'With `Accept: multipart/form-data`, the body holds two parts: `summary` (JSON: what was guarded, ' +
    'the letters written as 〓 and where) and `file` (the CSV).',
  content: {
    'text/csv': { schema: binary },
    'multipart/form-data': { schema: z.object({ summary: SpreadsheetSummarySchema, file: binary }) },
  },
};

/** True when the client listed multipart/form-data as acceptable (q above 0). */
function wantsSummary(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    return type === 'multipart/form-data' && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/**
 * The response for a spreadsheet download. The summary (possibly thousands of entries) travels in the
 * body, never in a header: a browser saves the plain CSV; a client that wants to show what changed asks
 * for both parts. Exports hold personal data, so nothing is cached.
 */
export function spreadsheetDownload(
  file: SpreadsheetFile,
  options: { fileName: string; accept: string | undefined; locale: Locale },
): Response {
  const { summary } = file;
  const charset = summary.encoding === 'cp932' ? 'Shift_JIS' : 'utf-8';
  const common = { 'cache-control': 'no-store', vary: 'Accept' };
  if (wantsSummary(options.accept)) {
    const form = new FormData();
    form.append('summary', JSON.stringify(presentSpreadsheetSummary(summary, options.locale)));
    form.append(
      'file',
      new File([new Uint8Array(file.bytes)], options.fileName, { type: `text/csv; charset=${charset}` }),
    );
    return new Response(form, { status: 200, headers: common });
  }
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      ...common,
      'content-type': `text/csv; charset=${charset}`,
      'content-disposition': contentDisposition(options.fileName),
      'x-enishi-rows': String(summary.rows),
      'x-enishi-formula-cells': String(summary.formulaCellsGuarded),
      'x-enishi-unencodable-count': String(summary.unencodable.length),
      'access-control-expose-headers':
        'x-enishi-rows, x-enishi-formula-cells, x-enishi-unencodable-count, content-disposition',
    },
  });
}
