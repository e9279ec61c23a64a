/** Messages the server sends to people (errors, mail). The web app has its own catalogs. */
export const messages = {
  ja: {
    not_found: '見つかりません。',
    unauthenticated: 'サインインしてください。',
    forbidden: 'この操作を行う権限がありません。',
    csrf_failed: 'ページの有効期限が切れました。ページを再読み込みしてからもう一度お試しください。',
    rate_limited: '短時間に操作が集中しました。しばらく待ってからもう一度お試しください。',
    malformed_json: 'リクエストの形式が正しくありません（JSON を読み取れません）。',
    payload_too_large: '送信されたデータが大きすぎます。',
    validation_failed: '入力内容を確認してください。',
    internal_error: 'サーバーでエラーが発生しました。時間をおいてもう一度お試しください。',
    method_not_allowed: 'この操作には対応していません。',
    link_invalid:
      'このリンクは無効か、有効期限が切れています。もう一度サインイン用のリンクをお送りください。',
    passkey_failed: 'パスキーを確認できませんでした。もう一度お試しください。',
    slug_taken: 'この URL はすでに使われています。別の URL を指定してください。',
    signup_closed: '新しいネットワークの作成は現在受け付けていません。',
    member_exists: 'このメールアドレスの方はすでにメンバーです。',
    last_owner: 'オーナーが一人もいなくなるため、この変更はできません。',
    owner_only: 'この操作はオーナーのみ行えます。',
    self_change: 'ご自身の権限は変更できません。',
    field_required: '入力してください。',
    field_invalid_type: '値の種類が正しくありません。',
    field_too_short: '{min} 文字以上で入力してください。',
    field_too_long: '{max} 文字以内で入力してください。',
    field_too_small: '{min} 以上の値を入力してください。',
    field_too_big: '{max} 以下の値を入力してください。',
    field_invalid_email: 'メールアドレスの形式が正しくありません。',
    field_invalid_format: '形式が正しくありません。',
    field_invalid_option: '選択肢の中から選んでください。',
    field_unknown: '受け付けていない項目です。',
    field_invalid_slug: '半角英小文字・数字・ハイフンで 3〜40 文字にしてください。',
  },
  en: {
    not_found: 'Not found.',
    unauthenticated: 'Please sign in.',
    forbidden: 'You do not have permission to do this.',
    csrf_failed: 'This page has expired. Reload the page and try again.',
    rate_limited: 'Too many attempts in a short time. Please wait a moment and try again.',
    malformed_json: 'The request could not be read (malformed JSON).',
    payload_too_large: 'The data sent is too large.',
    validation_failed: 'Please check what you entered.',
    internal_error: 'Something went wrong on the server. Please try again later.',
    method_not_allowed: 'This operation is not supported.',
    link_invalid: 'This link is invalid or has expired. Please request a new sign-in link.',
    passkey_failed: 'The passkey could not be verified. Please try again.',
    slug_taken: 'This address is already taken. Please choose another one.',
    signup_closed: 'New networks cannot be created at the moment.',
    member_exists: 'A member with this e-mail address already exists.',
    last_owner: 'This change would leave the network without an owner.',
    owner_only: 'Only an owner can do this.',
    self_change: 'You cannot change your own role.',
    field_required: 'This field is required.',
    field_invalid_type: 'This value has the wrong type.',
    field_too_short: 'Enter at least {min} characters.',
    field_too_long: 'Enter at most {max} characters.',
    field_too_small: 'Enter a value of at least {min}.',
    field_too_big: 'Enter a value of at most {max}.',
    field_invalid_email: 'Enter a valid e-mail address.',
    field_invalid_format: 'This value is not in the expected format.',
    field_invalid_option: 'Choose one of the options.',
    field_unknown: 'This field is not accepted.',
    field_invalid_slug: 'Use 3–40 lowercase letters, digits or hyphens.',
  },
} as const;

export type Locale = keyof typeof messages;
export type MessageKey = keyof (typeof messages)['ja'];
export const locales: readonly Locale[] = ['ja', 'en'];

export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return messages[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function isLocale(value: unknown): value is Locale {
  return value === 'ja' || value === 'en';
}

/** Picks ja or en from an explicit choice, else the Accept-Language header; Japanese by default. */
export function negotiateLocale(explicit: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(explicit)) return explicit;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const quality = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: quality ? Number(quality.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('ja')) return 'ja';
    if (tag.startsWith('en')) return 'en';
  }
  return 'ja';
}
