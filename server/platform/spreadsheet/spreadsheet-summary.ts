import { z } from '@hono/zod-openapi';
import type { Locale } from '../i18n/messages.js';
import type { SpreadsheetSummary } from './write-spreadsheet-csv.js';

export const SpreadsheetSummarySchema = z
  .object({
    rows: z.number().int().openapi({ description: 'Data rows written (the header row not counted)' }),
    encoding: z.enum(['utf8', 'cp932']),
    formulaCellsGuarded: z.number().int().openapi({
      description:
        "Cells that began with = + - @ TAB or CR (other than plain negative numbers) and were written with a leading ' so spreadsheets show them as text",
    }),
    unencodableLetters: z.array(z.string()).openapi({ description: 'Letters written as 〓 (CP932 only)' }),
    unencodable: z.array(
      z.object({
        row: z.number().int().openapi({ description: 'Data row, from 1 (0: the header row)' }),
        ref: z.string().nullable().openapi({ description: 'Whose row it is, for people' }),
        column: z.string(),
        characters: z.string(),
      }),
    ),
    notices: z
      .array(z.string())
      .openapi({ description: 'What was changed and why, in the reader’s language' }),
  })
  .openapi('SpreadsheetSummary');

export type PresentedSpreadsheetSummary = z.infer<typeof SpreadsheetSummarySchema>;

const wording = {
  ja: {
    guarded: (count: number) =>
      `${count} 件のセルが「=」「+」「-」「@」などで始まっていたため、表計算ソフトで数式として実行されないよう先頭に「'」を付けました。`,
    unencodable: (count: number, letters: string) =>
      `Shift_JIS（CP932）で表せない文字（${letters}）を含むセルが ${count} 件あり、その文字を「〓」に置き換えました。UTF-8 で書き出すとそのまま保存できます。`,
  },
  en: {
    guarded: (count: number) =>
      `${count} ${count === 1 ? 'cell' : 'cells'} began with =, +, -, @, a tab or a line break and ${count === 1 ? 'was' : 'were'} written with a leading ' so that spreadsheets show ${count === 1 ? 'it' : 'them'} as text instead of running a formula.`,
    unencodable: (count: number, letters: string) =>
      `${count} ${count === 1 ? 'cell contains' : 'cells contain'} letters Shift_JIS (CP932) cannot hold (${letters}), written as 〓. Export as UTF-8 to keep them.`,
  },
} satisfies Record<Locale, unknown>;

/** The summary as people read it: the figures, plus a sentence for each thing the file does differently. */
export function presentSpreadsheetSummary(
  summary: SpreadsheetSummary,
  locale: Locale,
): PresentedSpreadsheetSummary {
  const words = wording[locale];
  const notices: string[] = [];
  if (summary.formulaCellsGuarded > 0) notices.push(words.guarded(summary.formulaCellsGuarded));
  if (summary.unencodable.length > 0)
    notices.push(words.unencodable(summary.unencodable.length, summary.unencodableLetters.join(' ')));
  return { ...summary, notices };
}
