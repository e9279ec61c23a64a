import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import iconv from 'iconv-lite';
import { firstKanji, secondKanji } from './japanese-names.js';

// Deterministic leavers in the shape of a real HR export, with the usual mix of forms.
const families = [
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['髙橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
  ['渡邊', 'ワタナベ'],
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
  ['齋藤', 'サイトウ'],
  ['清水', 'シミズ'],
  ['山﨑', 'ヤマザキ'],
  ['森', 'モリ'],
  ['池田', 'イケダ'],
  ['橋本', 'ハシモト'],
  ['阿部', 'アベ'],
  ['石川', 'イシカワ'],
  ['長谷川', 'ハセガワ'],
  ['近藤', 'コンドウ'],
  ['藤田', 'フジタ'],
  ['岡田', 'オカダ'],
  ['後藤', 'ゴトウ'],
  ['前田', 'マエダ'],
  ['村上', 'ムラカミ'],
  ['遠藤', 'エンドウ'],
  ['青木', 'アオキ'],
  ['坂本', 'サカモト'],
  ['福田', 'フクダ'],
  ['太田', 'オオタ'],
  ['西村', 'ニシムラ'],
  ['藤井', 'フジイ'],
] as const;
const givens = [
  ['太郎', 'タロウ'],
  ['花子', 'ハナコ'],
  ['翔太', 'ショウタ'],
  ['美咲', 'ミサキ'],
  ['健一', 'ケンイチ'],
  ['由美', 'ユミ'],
  ['大輔', 'ダイスケ'],
  ['陽菜', 'ヒナ'],
  ['拓也', 'タクヤ'],
  ['結衣', 'ユイ'],
  ['直樹', 'ナオキ'],
  ['さくら', 'サクラ'],
  ['亮介', 'リョウスケ'],
  ['恵', 'メグミ'],
  ['隆', 'タカシ'],
  ['千鶴', 'チヅル'],
  ['蓮', 'レン'],
  ['律子', 'リツコ'],
  ['智博', 'トモヒロ'],
  ['真一', 'シンイチ'],
] as const;
// Half the leavers carry one of the common names above; the rest a long tail, as in a real registry:
// family names from two kanji (600 of them, as in the community benchmark), given names from two parts (600), so that most whole
// names and readings are nearly unique while their parts repeat.
const familyParts = [firstKanji, secondKanji];
const givenParts: [string, string][][] = [
  [
    ['翔', 'ショウ'],
    ['健', 'ケン'],
    ['大', 'ダイ'],
    ['美', 'ミ'],
    ['陽', 'ヨウ'],
    ['直', 'ナオ'],
    ['智', 'トモ'],
    ['真', 'シン'],
    ['由', 'ユ'],
    ['千', 'チ'],
    ['亮', 'リョウ'],
    ['拓', 'タク'],
    ['悠', 'ユウ'],
    ['和', 'カズ'],
    ['浩', 'ヒロ'],
    ['隆', 'タカ'],
    ['恵', 'ケイ'],
    ['沙', 'サ'],
    ['康', 'ヤス'],
    ['光', 'ミツ'],
    ['誠', 'マコ'],
    ['奈', 'ナ'],
    ['綾', 'アヤ'],
    ['修', 'シュウ'],
    ['優', 'ユウ'],
    ['勇', 'ユウ'],
    ['俊', 'トシ'],
    ['雅', 'マサ'],
    ['秀', 'ヒデ'],
    ['正', 'マサ'],
  ],
  [
    ['太', 'タ'],
    ['一', 'イチ'],
    ['子', 'コ'],
    ['介', 'スケ'],
    ['也', 'ヤ'],
    ['樹', 'キ'],
    ['斗', 'ト'],
    ['香', 'カ'],
    ['菜', 'ナ'],
    ['彦', 'ヒコ'],
    ['平', 'ヘイ'],
    ['郎', 'ロウ'],
    ['人', 'ト'],
    ['輔', 'スケ'],
    ['代', 'ヨ'],
    ['江', 'エ'],
    ['実', 'ミ'],
    ['治', 'ジ'],
    ['司', 'ジ'],
    ['乃', 'ノ'],
  ],
];
function composed(parts: [string, string][][], pick: <T>(list: readonly T[]) => T): [string, string] {
  const chosen = parts.map((list) => pick(list));
  return [chosen.map(([kanji]) => kanji).join(''), chosen.map(([, kana]) => kana).join('')];
}
const departments = [
  'クラウドソリューション事業部',
  '金融システム事業部',
  '公共システム事業部',
  '研究開発センター',
  '品質保証部',
  '経営企画室',
];
const reasons = ['キャリアアップ', '他社への転職', '起業', '留学', '育児', '介護', '定年', 'その他'];

/** mulberry32: small, deterministic, and without the correlation between successive draws of a plain LCG. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const toHalfWidth = (katakana: string) => katakana.normalize('NFKC'); // stays full-width; NFKC is identity here
const toHiragana = (katakana: string) =>
  katakana.replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));

function dateForms(year: number, month: number, day: number, pick: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (pick % 4) {
    case 0:
      return `${year}-${pad(month)}-${pad(day)}`;
    case 1:
      return `${year}/${month}/${day}`;
    case 2:
      return `${year}年${month}月${day}日`;
    default:
      if (year >= 2020) return `令和${year - 2018}年${month}月${day}日`;
      if (year >= 1990) return `平成${year - 1988}年${month}月${day}日`;
      return `昭和${year - 1925}年${month}月${day}日`;
  }
}

/** Writes `rows` leavers as CP932 CSV, streaming, and resolves when the file is complete. */
export async function writeLeaversCsv(file: string, rows: number, seed = 7): Promise<void> {
  const out = createWriteStream(file);
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const write = async (text: string) => {
    if (!out.write(iconv.encode(text, 'cp932'))) await once(out, 'drain');
  };
  await write(
    '社員番号,氏名,氏名（フリガナ）,入社年月日,退職年月日,最終所属,退職理由,個人メールアドレス,携帯電話番号,会社情報の案内希望,再入社希望\r\n',
  );
  for (let i = 0; i < rows; i++) {
    const [family, familyKana] = next() < 0.5 ? pick(families) : composed(familyParts, pick);
    const [given, givenKana] = next() < 0.5 ? pick(givens) : composed(givenParts, pick);
    const reading =
      next() < 0.1 ? toHiragana(`${familyKana} ${givenKana}`) : toHalfWidth(`${familyKana} ${givenKana}`);
    const joined = 1985 + Math.floor(next() * 30);
    const left = Math.min(joined + 1 + Math.floor(next() * 15), 2026);
    const form = Math.floor(next() * 4);
    await write(
      `${[
        `B${String(1_000_000 + i)}`,
        `${family}${next() < 0.3 ? '\u3000' : ' '}${given}`,
        reading,
        dateForms(joined, 4, 1, form),
        dateForms(left, 1 + Math.floor(next() * 12), 1 + Math.floor(next() * 28), form + 1),
        pick(departments),
        pick(reasons),
        // One row in forty carries an address HR typed wrong, and is rejected.
        i % 40 === 39 ? `leaver${i}@example` : `leaver${i}@example.jp`,
        `090-${String(1000 + (i % 9000))}-${String(1000 + ((i * 7) % 9000))}`,
        next() < 0.6 ? '希望する' : '希望しない',
        pick(['あり', 'なし', '未回答']),
      ].join(',')}\r\n`,
    );
  }
  out.end();
  await once(out, 'finish');
}
