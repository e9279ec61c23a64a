import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { lettersMissingFromCp932, toCp932Forms } from './cp932.js';
import { guardFormula, needsFormulaGuard, unguardFormula } from './formula-guard.js';
import { spreadsheetDownload } from './spreadsheet-response.js';
import { presentSpreadsheetSummary } from './spreadsheet-summary.js';
import { writeSpreadsheetCsv } from './write-spreadsheet-csv.js';

describe('the formula guard', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+81-3-1234-5678', "'+81-3-1234-5678"],
    ['+81312345678', "'+81312345678"],
    ['-営業部', "'-営業部"],
    ['-2+3', "'-2+3"],
    ['-1e3', "'-1e3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=cmd|"/c calc"!A1', '\'\t=cmd|"/c calc"!A1'],
    ['\r=1', "'\r=1"],
    ["'=1", "''=1"],
    ["''+1", "'''+1"],
  ])('guards %j as %j', (text, written) => {
    expect(guardFormula(text)).toBe(written);
    expect(unguardFormula(written)).toBe(text);
  });

  it.each([
    '-12',
    '-0.5',
    '-1,234.5',
    '03-1234-5678',
    '090-1234-5678',
    '田中 太郎',
    ' =1',
    '＝1',
    "'abc",
    "'-5",
    '',
    'a=b',
  ])('writes %j as it is, and reads it back unchanged', (text) => {
    expect(needsFormulaGuard(text)).toBe(false);
    expect(guardFormula(text)).toBe(text);
    expect(unguardFormula(text)).toBe(text);
  });

  it('does not take a separator inside a negative number for a plain number', () => {
    expect(needsFormulaGuard('-1,23')).toBe(true);
    expect(needsFormulaGuard('-12,345,678')).toBe(false);
    expect(needsFormulaGuard('-')).toBe(true);
  });
});

describe('CP932', () => {
  it('knows the NEC and IBM extensions and names what it cannot hold', () => {
    expect(lettersMissingFromCp932('髙橋 﨑 ① ㈱ ⅰ')).toEqual([]);
    expect(lettersMissingFromCp932('𠮷田 𠮷子 ?')).toEqual(['𠮷']);
  });

  it('writes JIS-mapped letters (a Mac’s 〜 and −) as the CP932 letters in the same JIS cell', () => {
    const text = toCp932Forms('10:00〜12:00 −5 ¥100 — ‖');
    expect(text).toBe('10:00～12:00 －5 ￥100 ― ∥');
    expect(lettersMissingFromCp932(text)).toEqual([]);
  });
});

describe('writeSpreadsheetCsv', () => {
  it('writes UTF-8 with a BOM, CRLF rows, quoted line breaks, typed cells and guarded text', async () => {
    async function* rows() {
      yield { cells: ['=1+2', -12.5, null, '一行目\n二行目'] };
      yield { cells: ['+81-3-1234-5678', 0, '-3', 'a,"b"'] };
    }
    const file = await writeSpreadsheetCsv({
      columns: ['@名前', '金額', '空', '備考'],
      rows: rows(),
      encoding: 'utf8',
    });
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.bytes.subarray(3).toString('utf8')).toBe(
      '\'@名前,金額,空,備考\r\n\'=1+2,-12.5,,"一行目\n二行目"\r\n\'+81-3-1234-5678,0,-3,"a,""b"""\r\n',
    );
    expect(file.summary).toEqual({
      rows: 2,
      encoding: 'utf8',
      formulaCellsGuarded: 3,
      unencodableLetters: [],
      unencodable: [],
    });
  });

  it('refuses a number that is not finite rather than write NaN', async () => {
    await expect(
      writeSpreadsheetCsv({ columns: ['n'], rows: [{ cells: [Number.NaN] }], encoding: 'utf8' }),
    ).rejects.toThrow(/finite/);
  });

  it('writes CP932 with 〓 for what it cannot hold and lists each cell, header included', async () => {
    const file = await writeSpreadsheetCsv({
      columns: ['氏名', '𠮷'],
      rows: [
        { ref: 'E1', cells: ['髙橋 𠮷子', '〜'] },
        { ref: 'E2', cells: ['山﨑', '𠮷𠮷'] },
      ],
      encoding: 'cp932',
    });
    expect(iconv.decode(file.bytes, 'cp932')).toBe('氏名,〓\r\n髙橋 〓子,～\r\n山﨑,〓〓\r\n');
    expect(file.summary.unencodableLetters).toEqual(['𠮷']);
    expect(file.summary.unencodable).toEqual([
      { row: 0, ref: null, column: '𠮷', characters: '𠮷' },
      { row: 1, ref: 'E1', column: '氏名', characters: '𠮷' },
      { row: 2, ref: 'E2', column: '𠮷', characters: '𠮷' },
    ]);
    expect(presentSpreadsheetSummary(file.summary, 'en').notices).toEqual([
      '3 cells contain letters Shift_JIS (CP932) cannot hold (𠮷), written as 〓. Export as UTF-8 to keep them.',
    ]);
  });
});

describe('spreadsheetDownload', () => {
  const file = {
    bytes: Buffer.from('a\r\n'),
    summary: {
      rows: 0,
      encoding: 'utf8' as const,
      formulaCellsGuarded: 0,
      unencodableLetters: [],
      unencodable: [],
    },
  };

  it('sends the CSV by default, with a safe file name for a Japanese one', async () => {
    const response = spreadsheetDownload(file, { fileName: '名簿.csv', accept: '*/*', locale: 'ja' });
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="__.csv"; filename*=UTF-8''${encodeURIComponent('名簿.csv')}`,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('a\r\n');
  });

  it('sends the summary and the file as two parts when asked for multipart/form-data', async () => {
    expect(
      spreadsheetDownload(file, {
        fileName: 'x.csv',
        accept: 'multipart/form-data;q=0',
        locale: 'ja',
      }).headers.get('content-type'),
    ).toBe('text/csv; charset=utf-8');
    const response = spreadsheetDownload(file, {
      fileName: 'x.csv',
      accept: 'text/csv;q=0.5, multipart/form-data',
      locale: 'ja',
    });
    const form = await response.formData();
    expect(JSON.parse(form.get('summary') as string)).toMatchObject({ rows: 0, notices: [] });
    expect((form.get('file') as File).name).toBe('x.csv');
  });
});
