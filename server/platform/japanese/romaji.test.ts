import { describe, expect, it } from 'vitest';
import { romajiReadings } from './romaji.js';

/** Whether a romaji term finds a reading: search matches readings by their start. */
const finds = (term: string, reading: string) =>
  (romajiReadings(term) ?? []).some((alternative) => reading.startsWith(alternative));

describe('romaji to readings', () => {
  it('reads Hepburn in any case and width', () => {
    for (const term of ['takahashi', 'Takahashi', 'TAKAHASHI', 'ｔａｋａｈａｓｈｉ', 'ＴＡＫＡＨＡＳＨＩ']) {
      expect(romajiReadings(term), term).toEqual(['タカハシ']);
    }
  });

  it('reads Kunrei and Nihon-shiki spellings like Hepburn', () => {
    const pairs = [
      ['shinichi', 'sinichi'],
      ['matsumoto', 'matumoto'],
      ['fujita', 'huzita'],
      ['shimizu', 'simizu'],
      ['kikuchi', 'kikuti'],
      ['tsutsumi', 'tutumi'],
      ['chiyoda', 'tiyoda'],
      ['shota', 'syota'],
      ['junko', 'zyunko'],
    ];
    for (const [hepburn, kunrei] of pairs)
      expect(romajiReadings(kunrei!), kunrei).toEqual(romajiReadings(hepburn!));
  });

  it('finds long vowels written as ou, oh, oo, a macron or not at all', () => {
    for (const term of ['sato', 'satou', 'satoh', 'satō']) expect(finds(term, 'サトウ'), term).toBe(true);
    for (const term of ['ohno', 'ono', 'oono', 'ōno']) expect(finds(term, 'オオノ'), term).toBe(true);
    expect(finds('ono', 'オノ')).toBe(true);
    expect(finds('ohno', 'オノ')).toBe(false);
    expect(finds('ito', 'イトウ')).toBe(true);
    expect(finds('kosuke', 'コウスケ')).toBe(true);
    expect(finds('yuki', 'ユウキ')).toBe(true);
    expect(finds('ryuji', 'リュウジ')).toBe(true);
    expect(finds('shuhei', 'シュウヘイ')).toBe(true);
    expect(finds('yusuke', 'ユウスケ')).toBe(true);
  });

  it("reads n before a vowel as ン or as the next syllable, and n' as ン", () => {
    expect(finds('shinichi', 'シンイチ')).toBe(true);
    expect(finds('sinichi', 'シンイチ')).toBe(true);
    expect(romajiReadings("shin'ichi")).toEqual(['シンイチ']);
    expect(finds('kenichi', 'ケンイチ')).toBe(true);
    expect(finds('junichiro', 'ジュンイチロウ')).toBe(true);
    expect(finds('tanaka', 'タナカ')).toBe(true);
    expect(finds('honma', 'ホンマ')).toBe(true);
    expect(finds('homma', 'ホンマ')).toBe(true);
    expect(finds('kanno', 'カンノ')).toBe(true);
  });

  it('reads doubled consonants as ッ', () => {
    expect(finds('hattori', 'ハットリ')).toBe(true);
    expect(finds('hokkaido', 'ホッカイドウ')).toBe(true);
    expect(finds('matcha', 'マッチャ')).toBe(true);
  });

  it('finds the 30 most common family names from their usual spelling', () => {
    const names: [string, string][] = [
      ['sato', 'サトウ'],
      ['suzuki', 'スズキ'],
      ['takahashi', 'タカハシ'],
      ['tanaka', 'タナカ'],
      ['ito', 'イトウ'],
      ['watanabe', 'ワタナベ'],
      ['yamamoto', 'ヤマモト'],
      ['nakamura', 'ナカムラ'],
      ['kobayashi', 'コバヤシ'],
      ['kato', 'カトウ'],
      ['yoshida', 'ヨシダ'],
      ['yamada', 'ヤマダ'],
      ['sasaki', 'ササキ'],
      ['yamaguchi', 'ヤマグチ'],
      ['matsumoto', 'マツモト'],
      ['inoue', 'イノウエ'],
      ['kimura', 'キムラ'],
      ['hayashi', 'ハヤシ'],
      ['saito', 'サイトウ'],
      ['shimizu', 'シミズ'],
      ['yamazaki', 'ヤマザキ'],
      ['mori', 'モリ'],
      ['abe', 'アベ'],
      ['ikeda', 'イケダ'],
      ['hashimoto', 'ハシモト'],
      ['yamashita', 'ヤマシタ'],
      ['ishikawa', 'イシカワ'],
      ['nakajima', 'ナカジマ'],
      ['maeda', 'マエダ'],
      ['fujita', 'フジタ'],
    ];
    for (const [romaji, reading] of names) expect(finds(romaji, reading), romaji).toBe(true);
  });

  it('is not romaji: addresses, numbers, one letter, other scripts', () => {
    for (const term of [
      'naoko@example.jp',
      'ab-1001',
      '1001',
      'a',
      'x',
      'qqq',
      '高橋',
      'たかはし',
      'bcdfg',
    ]) {
      expect(romajiReadings(term), term).toBeNull();
    }
  });

  it('keeps the alternatives few', () => {
    for (const term of ['onoonoono', 'yoshinoyoshio', 'shinichiro']) {
      expect(romajiReadings(term)!.length, term).toBeLessThanOrEqual(16);
    }
  });
});
