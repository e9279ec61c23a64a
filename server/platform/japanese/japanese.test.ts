import { describe, expect, it } from 'vitest';
import { normaliseEmail, normalisePhone } from './contact.js';
import { dateFromExcelSerial, parseJapaneseDate, readJapaneseDate } from './dates.js';
import {
  normaliseReading,
  queryGrams,
  readingSortKey,
  searchGrams,
  searchKey,
  splitPersonName,
} from './text.js';

describe('readings', () => {
  it('stores hiragana, half-width and mixed kana as full-width katakana', () => {
    expect(normaliseReading('たかはし たかし')).toBe('タカハシ タカシ');
    expect(normaliseReading('ｺバﾔｼ ﾀｶｼ')).toBe('コバヤシ タカシ');
    expect(normaliseReading('ﾔﾏグﾁ　ｹﾝｲﾁ')).toBe('ヤマグチ ケンイチ');
    expect(normaliseReading('ｲﾄｳ ｼョｳﾀ')).toBe('イトウ ショウタ');
  });

  it('sorts in 五十音順 with voiced kana next to their plain kana', () => {
    const names = ['ガクト', 'カワムラ', 'アベ', 'カトウ', 'サイトウ'];
    expect([...names].sort((a, b) => (readingSortKey(a) < readingSortKey(b) ? -1 : 1))).toEqual([
      'アベ',
      'ガクト',
      'カトウ',
      'カワムラ',
      'サイトウ',
    ]);
  });
});

describe('search keys', () => {
  it('treats variant glyphs, kana forms and spaces as the same', () => {
    expect(searchKey('髙橋　隆')).toBe(searchKey('高橋 隆'));
    expect(searchKey('山﨑')).toBe('山崎');
    expect(searchKey('齋藤')).toBe('斎藤');
    expect(searchKey('齊藤')).toBe('斎藤');
    expect(searchKey('渡邊')).toBe('渡辺');
    expect(searchKey('渡邉')).toBe('渡辺');
    expect(searchKey('たかはし')).toBe('タカハシ');
    expect(searchKey('ﾀｶﾊｼ')).toBe('タカハシ');
    expect(searchKey('User@Example.JP')).toBe('user@example.jp');
  });

  it('composes spacing voicing marks (U+309B/U+309C) like the combining ones', () => {
    expect(searchKey('ヨシタ゛')).toBe(searchKey('ヨシダ'));
    expect(searchKey('よした゛')).toBe('ヨシダ');
    expect(searchKey('ハ゜ク')).toBe('パク');
    expect(searchKey('ウ゛ィ')).toBe('ヴィ');
    expect(normaliseReading('ヨシタ゛ ハ゜ク')).toBe('ヨシダ パク');
    expect(readingSortKey('ヨシタ゛')).toBe(readingSortKey('ヨシダ'));
  });

  it('reads a dash typed between kana as the long-vowel mark, and only there', () => {
    for (const typed of ['ジョ－ジ', 'ジョ-ジ', 'ジョ‐ジ', 'ジョｰジ', 'じょ−じ', 'ｼﾞｮ-ｼﾞ']) {
      expect(searchKey(typed), typed).toBe('ジョージ');
      expect(normaliseReading(typed), typed).toBe('ジョージ');
      expect(readingSortKey(typed), typed).toBe(readingSortKey('ジョージ'));
    }
    expect(normaliseReading('ジョ－ジ スミス')).toBe('ジョージ スミス');
    // Not between kana: an employee number or an address keeps its dash out of the key as before.
    expect(searchKey('AB-1001')).toBe('ab1001');
    expect(normaliseReading('ジョ-')).toBe('ジョ-');
  });

  it('narrows two-letter Japanese names through bigrams', () => {
    const grams = searchGrams([searchKey('高橋隆'), searchKey('タカハシタカシ')]);
    for (const gram of queryGrams(searchKey('高橋'))) expect(grams).toContain(gram);
    expect(queryGrams(searchKey('橋'))).toEqual(['橋']);
    expect(grams).not.toContain('隆タ');
  });

  it('splits 氏名 at a half- or full-width space', () => {
    expect(splitPersonName('池田\u3000花子')).toEqual({ family: '池田', given: '花子' });
    expect(splitPersonName(' 森 蓮 ')).toEqual({ family: '森', given: '蓮' });
    expect(splitPersonName('山田')).toEqual({ family: '山田', given: '' });
  });
});

describe('dates', () => {
  it.each([
    ['2023-04-01', '2023-04-01'],
    ['2023/4/1', '2023-04-01'],
    ['2023年4月1日', '2023-04-01'],
    ['２０１８－０９－０４', '2018-09-04'],
    ['20230401', '2023-04-01'],
    ['令和5年4月1日', '2023-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['R5.4.1', '2023-04-01'],
    ['H31.4.30', '2019-04-30'],
    ['平成21年1月14日', '2009-01-14'],
    ['昭和64年1月7日', '1989-01-07'],
    ['令和8年10月31日', '2026-10-31'],
  ])('reads %s', (input, iso) => {
    expect(parseJapaneseDate(input)).toBe(iso);
  });

  it.each(['平成-13年8月9日', '2024/2/30', '令和1年2月30日', 'M1.1.24', 'not a date', '2023/13/01', ''])(
    'refuses %s',
    (input) => {
      expect(parseJapaneseDate(input)).toBeNull();
    },
  );

  it.each([
    ['H31.5.1', '2019-05-01', '平成', '令和元年5月1日', 'Reiwa 1'],
    ['S64.1.8', '1989-01-08', '昭和', '平成元年1月8日', 'Heisei 1'],
    ['H1.1.7', '1989-01-07', '平成', '昭和64年1月7日', 'Showa 64'],
    ['R1.4.30', '2019-04-30', '令和', '平成31年4月30日', 'Heisei 31'],
    ['平成32年1月1日', '2020-01-01', '平成', '令和2年1月1日', 'Reiwa 2'],
  ])(
    'reads %s outside its era as %s and names the era it falls in',
    (input, iso, written, actual, actualEn) => {
      expect(readJapaneseDate(input)).toEqual({
        iso,
        outsideEra: { written, writtenEn: expect.any(String), actual, actualEn },
      });
    },
  );

  it.each(['H31.4.30', 'R1.5.1', 'S64.1.7', 'H1.1.8', '2019-05-01'])('reads %s without a note', (input) => {
    expect(readJapaneseDate(input)?.outsideEra).toBeUndefined();
  });

  it('reads Excel serial dates from 18264 (1950-01-01) to 73050 (2099-12-31) only', () => {
    expect(dateFromExcelSerial('45017')).toBe('2023-04-01');
    expect(dateFromExcelSerial('45016')).toBe('2023-03-31');
    expect(dateFromExcelSerial('36617.0')).toBe('2000-04-01');
    expect(dateFromExcelSerial('18264')).toBe('1950-01-01');
    expect(dateFromExcelSerial('73050')).toBe('2099-12-31');
    expect(dateFromExcelSerial('18263')).toBeNull();
    expect(dateFromExcelSerial('73051')).toBeNull();
    expect(dateFromExcelSerial('45017.5')).toBeNull();
    expect(dateFromExcelSerial('2023')).toBeNull();
  });
});

describe('contact details', () => {
  it('normalises e-mail addresses and refuses what cannot be one', () => {
    expect(normaliseEmail('  User92.11@Example.JP ')).toBe('user92.11@example.jp');
    expect(normaliseEmail('ｕｓｅｒ＠ｅｘａｍｐｌｅ．ｊｐ')).toBe('user@example.jp');
    expect(normaliseEmail('not-an-address')).toBeNull();
    expect(normaliseEmail('a@b')).toBeNull();
  });

  it('keeps the digits of phone numbers, full-width or not', () => {
    expect(normalisePhone('０９０－５４２０－６５１９')).toBe('09054206519');
    expect(normalisePhone('090-1686-7490')).toBe('09016867490');
    expect(normalisePhone('+81 90 1234 5678')).toBe('+819012345678');
    expect(normalisePhone('call me')).toBeNull();
  });
});
