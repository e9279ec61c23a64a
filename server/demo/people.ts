/** Deterministic sample people for the demo network: same names on every machine. */
const familyNames: [string, string][] = [
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ'],
  ['山本', 'ヤマモト'],
  ['中村', 'ナカムラ'],
  ['小林', 'コバヤシ'],
  ['加藤', 'カトウ'],
  ['吉田', 'ヨシダ'],
  ['山田', 'ヤマダ'],
  ['佐々木', 'ササキ'],
  ['山口', 'ヤマグチ'],
  ['松本', 'マツモト'],
  ['井上', 'イノウエ'],
  ['木村', 'キムラ'],
  ['林', 'ハヤシ'],
  ['斎藤', 'サイトウ'],
  ['清水', 'シミズ'],
  ['山崎', 'ヤマザキ'],
  ['森', 'モリ'],
  ['池田', 'イケダ'],
  ['橋本', 'ハシモト'],
  ['阿部', 'アベ'],
  ['石川', 'イシカワ'],
  ['髙橋', 'タカハシ'],
  ['長谷川', 'ハセガワ'],
  ['藤原', 'フジワラ'],
  ['岡田', 'オカダ'],
];
const givenNames: [string, string][] = [
  ['大輔', 'ダイスケ'],
  ['美咲', 'ミサキ'],
  ['翔太', 'ショウタ'],
  ['陽菜', 'ヒナ'],
  ['拓也', 'タクヤ'],
  ['結衣', 'ユイ'],
  ['健一', 'ケンイチ'],
  ['由美', 'ユミ'],
  ['直樹', 'ナオキ'],
  ['さくら', 'サクラ'],
  ['亮介', 'リョウスケ'],
  ['千鶴', 'チヅル'],
  ['智博', 'トモヒロ'],
  ['花子', 'ハナコ'],
  ['隆', 'タカシ'],
  ['真一', 'シンイチ'],
  ['美玲', 'ミレイ'],
  ['蓮', 'レン'],
  ['律子', 'リツコ'],
  ['謙一', 'ケンイチ'],
];
const departments = [
  'システム開発本部 第一開発部',
  'クラウドソリューション事業部',
  '金融システム事業部',
  '公共システム事業部',
  '営業統括本部 第二営業部',
  '研究開発センター',
  '品質保証部',
  '人事総務本部 人事部',
  '経営企画室',
  'デジタルイノベーション推進部',
];

export type DemoPerson = {
  email: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  lastDepartment: string;
  joinedOn: string;
  leftOn: string;
};

/** A small linear congruential generator: reproducible, and no dependency for sample data. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function demoAlumni(count = 200): DemoPerson[] {
  const random = seeded(20_240_401);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, index) => {
    const [familyName, familyNameKana] = pick(familyNames);
    const [givenName, givenNameKana] = pick(givenNames);
    const joinedYear = 1990 + Math.floor(random() * 28);
    const leftYear = Math.min(joinedYear + 2 + Math.floor(random() * 15), 2026);
    return {
      email: `alumni${String(index + 1).padStart(3, '0')}@demo.enishi.example`,
      familyName,
      givenName,
      familyNameKana,
      givenNameKana,
      lastDepartment: pick(departments),
      joinedOn: isoDate(joinedYear, 4, 1),
      leftOn: isoDate(leftYear, 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28)),
    };
  });
}
