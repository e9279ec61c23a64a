import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import iconv from 'iconv-lite';

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
const departments = [
  'クラウドソリューション事業部',
  '金融システム事業部',
  '公共システム事業部',
  '研究開発センター',
  '品質保証部',
  '経営企画室',
];
const reasons = ['キャリアアップ', '他社への転職', '起業', '留学', '育児', '介護', '定年', 'その他'];

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
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
      return year >= 2020
        ? `令和${year - 2018}年${month}月${day}日`
        : `平成${year - 1988}年${month}月${day}日`;
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
    const [family, familyKana] = pick(families);
    const [given, givenKana] = pick(givens);
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
        `leaver${i}@example.jp`,
        `090-${String(1000 + (i % 9000))}-${String(1000 + ((i * 7) % 9000))}`,
        next() < 0.6 ? '希望する' : '希望しない',
        pick(['あり', 'なし', '未回答']),
      ].join(',')}\r\n`,
    );
  }
  out.end();
  await once(out, 'finish');
}
