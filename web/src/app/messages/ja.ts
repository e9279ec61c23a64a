import { chatsJa } from './chats.ja';
import { communityJa } from './community.ja';
import type { ConsoleMessageKey } from './console/ja';
import { eventsJa } from './events.ja';
import { newsJa } from './news.ja';
import { opportunitiesJa } from './opportunities.ja';
import { programmesJa } from './programmes.ja';
import { proposalsJa } from './proposals.ja';
import { registryJa } from './registry.ja';
import { surveysJa } from './surveys.ja';

export const ja = {
  'app.tagline': '会社と、会社を巣立った人をつなぐアルムナイネットワーク',
  'app.skipToContent': '本文へ移動',
  'nav.signIn': 'サインイン',
  'nav.signOut': 'サインアウト',
  'nav.account': 'アカウント',
  'common.loading': '読み込み中…',
  'common.save': '保存する',
  'common.saved': '保存しました。',
  'common.cancel': 'キャンセル',
  'common.remove': '削除',
  'common.error': 'エラーが発生しました。',
  'common.notFound': 'ページが見つかりません。',
  'common.notFoundHint': 'アドレスが変わったか、削除された可能性があります。',
  'common.noAccess': 'このページを開く権限がありません',
  'common.noAccessHint': '管理コンソールは人事担当者と管理者のためのページです。',
  'common.backToCommunity': 'コミュニティへ戻る',
  'common.backHome': 'トップへ戻る',
  'landing.lead':
    '退職した方との縁を、会社の財産に。人事は退職者の情報を一元管理し、アルムナイはスマートフォンから気軽につながれます。',
  'landing.point1': 'ハッシュタグでつながる、クローズドなコミュニティ',
  'landing.point2': '同意と個人情報の扱いを、最初から組み込み',
  'landing.point3': 'オープンソース。自社サーバーでも、すぐに動きます',
  'landing.create': '自社のアルムナイネットワークを作る',
  'signIn.title': 'サインイン',
  'signIn.email': 'メールアドレス',
  'signIn.emailHint': 'サインイン用のリンクをお送りします。パスワードは不要です。',
  'signIn.send': 'リンクを送信',
  'signIn.sentTitle': 'メールをご確認ください',
  'signIn.sent':
    '{email} にサインイン用のリンクを送信しました。リンクの有効期限は 15 分です。メールが届かない場合は、迷惑メールフォルダもご確認ください。',
  'signIn.or': 'または',
  'signIn.passkey': 'パスキーでサインイン',
  'signIn.passkeyUnsupported': 'このブラウザはパスキーに対応していません。',
  'signIn.devMailbox': '開発用メールボックスを開く',
  'verify.title': 'サインインしています…',
  'verify.failed': 'リンクを確認できませんでした',
  'verify.missing': 'リンクが正しくありません。メールのリンクをもう一度開いてください。',
  'verify.again': 'サインイン用のリンクを再送する',
  'signUp.title': 'アルムナイネットワークを作成',
  'signUp.lead':
    '入力したメールアドレスに確認用のリンクをお送りします。リンクを開くと作成が完了し、オーナーとしてサインインします。',
  'signUp.networkNameJa': 'ネットワーク名（日本語）',
  'signUp.networkNameJaHint': '例: デモ株式会社 アルムナイ',
  'signUp.networkNameEn': 'ネットワーク名（英語）',
  'signUp.slug': 'URL に使う名前',
  'signUp.slugHint': '半角英小文字・数字・ハイフン（例: demo-corp）。/t/ の後ろに付きます。',
  'signUp.ownerName': 'あなたのお名前',
  'signUp.email': '会社のメールアドレス',
  'signUp.submit': '確認メールを送信',
  'signUp.sentTitle': '確認メールを送信しました',
  'signUp.sent': '{email} 宛のメールにあるリンクを 15 分以内に開くと、ネットワークが作成されます。',
  'tenants.title': '参加しているネットワーク',
  'tenants.none':
    'まだどのネットワークにも参加していません。所属していた会社からの招待メールをご確認ください。',
  'tenants.open': '開く',
  'home.welcome': 'ようこそ、{name} さん',
  'home.network': '{network} のアルムナイネットワーク',
  'home.role': 'あなたの立場',
  'home.members': '参加メンバー',
  'home.membersCount': '{count} 人',
  'home.readOnlyOk': '投稿しなくても大丈夫です。会社の近況や仲間の活躍を、読むだけでも気軽に楽しめます。',
  'home.openConsole': '管理コンソールを開く',
  'role.owner': 'オーナー',
  'role.admin': '人事・事務局',
  'role.moderator': 'モデレーター',
  'role.employee': '現役社員',
  'role.alumnus': 'アルムナイ',
  'console.title': '管理コンソール',
  'account.title': 'アカウント',
  'account.profile': 'プロフィール',
  'account.displayName': '表示名',
  'account.language': '表示言語',
  'account.sessions': 'サインイン中の端末',
  'account.thisDevice': 'この端末',
  'account.lastSeen': '最終利用: {when}',
  'account.signOutDevice': 'この端末をサインアウト',
  'account.passkeys': 'パスキー',
  'account.passkeysHint':
    'パスキーを登録すると、メールを待たずに指紋や顔認証でサインインできます。管理者の方は特に登録をおすすめします。',
  'account.addPasskey': 'パスキーを追加',
  'account.passkeyDefaultName': 'この端末のパスキー',
  'account.passkeyAdded': 'パスキーを登録しました。',
  'account.noPasskeys': 'まだパスキーは登録されていません。',
  'method.magic_link': 'メールのリンク',
  'method.passkey': 'パスキー',
  'mailbox.title': '開発用メールボックス',
  'mailbox.lead':
    'SMTP_URL が未設定のため、送信メールはここに保管されます（本番では SMTP を設定してください）。',
  'mailbox.empty': 'メールはまだありません。',
  'mailbox.to': '宛先',
  'mailbox.headers': 'ヘッダー',
  'mailbox.openLink': 'リンクを開く',
  'offline.banner': 'オフラインです。接続が戻ると最新の情報を表示します。',
  ...registryJa,
  ...communityJa,
  ...opportunitiesJa,
  ...chatsJa,
  ...eventsJa,
  ...proposalsJa,
  ...newsJa,
  ...programmesJa,
  ...surveysJa,
} as const;

/** The keys the alumni side may use: always loaded. */
export type BaseMessageKey = keyof typeof ja;
/** Every key, the console's included (they load with the console: see i18n.tsx). */
export type MessageKey = BaseMessageKey | ConsoleMessageKey;
