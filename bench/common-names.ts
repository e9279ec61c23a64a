/**
 * Leavers drawn from Japan's most common family names, weighted by how common they are (佐藤 about
 * 6.5 % of people here), with the rarer spellings people really carry (髙橋, 齋藤, 渡邊, 山﨑, 斉藤), 30
 * given names, readings, e-mail addresses from the romaji, and 0–3 of 20 HR tags. Deterministic by
 * position, so every run and both databases hold the same people.
 */

// [kanji, reading, Hepburn romaji, weight]: 49 common names, weights roughly following the national
// ranking, then five rarer spellings.
export const commonFamilies: [string, string, string, number][] = [
  ['佐藤', 'サトウ', 'sato', 65],
  ['鈴木', 'スズキ', 'suzuki', 60],
  ['高橋', 'タカハシ', 'takahashi', 48],
  ['田中', 'タナカ', 'tanaka', 45],
  ['伊藤', 'イトウ', 'ito', 40],
  ['渡辺', 'ワタナベ', 'watanabe', 38],
  ['山本', 'ヤマモト', 'yamamoto', 37],
  ['中村', 'ナカムラ', 'nakamura', 36],
  ['小林', 'コバヤシ', 'kobayashi', 35],
  ['加藤', 'カトウ', 'kato', 31],
  ['吉田', 'ヨシダ', 'yoshida', 30],
  ['山田', 'ヤマダ', 'yamada', 29],
  ['佐々木', 'ササキ', 'sasaki', 25],
  ['山口', 'ヤマグチ', 'yamaguchi', 23],
  ['松本', 'マツモト', 'matsumoto', 22],
  ['井上', 'イノウエ', 'inoue', 21],
  ['木村', 'キムラ', 'kimura', 20],
  ['林', 'ハヤシ', 'hayashi', 19],
  ['斎藤', 'サイトウ', 'saito', 18],
  ['清水', 'シミズ', 'shimizu', 18],
  ['山崎', 'ヤマザキ', 'yamazaki', 17],
  ['森', 'モリ', 'mori', 17],
  ['池田', 'イケダ', 'ikeda', 16],
  ['橋本', 'ハシモト', 'hashimoto', 16],
  ['阿部', 'アベ', 'abe', 16],
  ['石川', 'イシカワ', 'ishikawa', 15],
  ['山下', 'ヤマシタ', 'yamashita', 15],
  ['中島', 'ナカジマ', 'nakajima', 14],
  ['石井', 'イシイ', 'ishii', 14],
  ['小川', 'オガワ', 'ogawa', 14],
  ['前田', 'マエダ', 'maeda', 13],
  ['岡田', 'オカダ', 'okada', 13],
  ['長谷川', 'ハセガワ', 'hasegawa', 13],
  ['藤田', 'フジタ', 'fujita', 13],
  ['後藤', 'ゴトウ', 'goto', 12],
  ['近藤', 'コンドウ', 'kondo', 12],
  ['村上', 'ムラカミ', 'murakami', 12],
  ['遠藤', 'エンドウ', 'endo', 11],
  ['青木', 'アオキ', 'aoki', 11],
  ['坂本', 'サカモト', 'sakamoto', 11],
  ['福田', 'フクダ', 'fukuda', 10],
  ['太田', 'オオタ', 'ota', 10],
  ['西村', 'ニシムラ', 'nishimura', 10],
  ['藤井', 'フジイ', 'fujii', 10],
  ['大野', 'オオノ', 'ono', 9],
  ['原田', 'ハラダ', 'harada', 9],
  ['中野', 'ナカノ', 'nakano', 9],
  ['小野', 'オノ', 'ono', 9],
  ['田村', 'タムラ', 'tamura', 9],
  // Rarer spellings of the names above, as people really carry them.
  ['斉藤', 'サイトウ', 'saito', 5],
  ['髙橋', 'タカハシ', 'takahashi', 6],
  ['齋藤', 'サイトウ', 'saito', 4],
  ['渡邊', 'ワタナベ', 'watanabe', 3],
  ['山﨑', 'ヤマザキ', 'yamazaki', 3],
];

export const commonGivens: [string, string, string][] = [
  ['太郎', 'タロウ', 'taro'],
  ['花子', 'ハナコ', 'hanako'],
  ['翔太', 'ショウタ', 'shota'],
  ['美咲', 'ミサキ', 'misaki'],
  ['健一', 'ケンイチ', 'kenichi'],
  ['真一', 'シンイチ', 'shinichi'],
  ['由美', 'ユミ', 'yumi'],
  ['大輔', 'ダイスケ', 'daisuke'],
  ['陽菜', 'ヒナ', 'hina'],
  ['拓也', 'タクヤ', 'takuya'],
  ['結衣', 'ユイ', 'yui'],
  ['直樹', 'ナオキ', 'naoki'],
  ['恵', 'メグミ', 'megumi'],
  ['誠', 'マコト', 'makoto'],
  ['愛', 'アイ', 'ai'],
  ['浩二', 'コウジ', 'koji'],
  ['裕子', 'ユウコ', 'yuko'],
  ['隆', 'タカシ', 'takashi'],
  ['明美', 'アケミ', 'akemi'],
  ['聡', 'サトシ', 'satoshi'],
  ['奈々', 'ナナ', 'nana'],
  ['亮', 'リョウ', 'ryo'],
  ['彩', 'アヤ', 'aya'],
  ['大樹', 'ダイキ', 'daiki'],
  ['香織', 'カオリ', 'kaori'],
  ['修', 'オサム', 'osamu'],
  ['智子', 'トモコ', 'tomoko'],
  ['翼', 'ツバサ', 'tsubasa'],
  ['理恵', 'リエ', 'rie'],
  ['勇気', 'ユウキ', 'yuki'],
];

export const commonTags = [
  'カムバック候補',
  '管理職経験',
  'エンジニア',
  '営業',
  'デザイナー',
  'マーケティング',
  '人事',
  '経理',
  '法務',
  'データ分析',
  'PM経験',
  '海外経験',
  '英語',
  '中国語',
  'リファラル協力',
  'イベント登壇',
  'アドバイザー',
  '業務委託可',
  '起業',
  '研究開発',
];

const departments = [
  '営業部',
  '開発本部',
  '人事部',
  '経営企画室',
  '財務部',
  'マーケティング部',
  '法務部',
  '品質保証部',
];

export type CommonLeaver = {
  employeeNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  email: string;
  hrTags: string[];
  lastDepartment: string;
  leftOn: string;
};

const totalWeight = commonFamilies.reduce((sum, [, , , weight]) => sum + weight, 0);
// Cumulative weights: family of record i is the one whose band holds a well-spread point for i.
const bands: number[] = [];
for (const [, , , weight] of commonFamilies) bands.push((bands.at(-1) ?? 0) + weight);

/** A small, fast, deterministic pseudo-random number in [0, 1) for position i and a salt. */
function spread(i: number, salt: number) {
  let x = (i + 1) * 2654435761 + salt * 40503;
  x = Math.imul(x ^ (x >>> 16), 2246822507);
  x = Math.imul(x ^ (x >>> 13), 3266489909);
  return ((x ^ (x >>> 16)) >>> 0) / 4294967296;
}

export function commonLeaver(i: number): CommonLeaver {
  const point = spread(i, 1) * totalWeight;
  const family = commonFamilies[bands.findIndex((band) => point < band)]!;
  const given = commonGivens[Math.floor(spread(i, 2) * commonGivens.length)]!;
  const tagCount = Math.floor(spread(i, 3) * 4);
  const hrTags = [
    ...new Set(Array.from({ length: tagCount }, (_, t) => commonTags[Math.floor(spread(i, 10 + t) * 20)]!)),
  ];
  const year = 2000 + Math.floor(spread(i, 4) * 26);
  return {
    employeeNumber: `C${String(i + 1).padStart(7, '0')}`,
    familyName: family[0],
    givenName: given[0],
    familyNameKana: family[1],
    givenNameKana: given[1],
    email: `${given[2]}.${family[2]}${i % 1000}@example.jp`,
    hrTags,
    lastDepartment: departments[i % departments.length]!,
    leftOn: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
  };
}
