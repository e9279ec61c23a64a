/** 会員向けコミュニティ（参加・プロフィール・メンバー名簿・ハッシュタグ）の文言。 */
export const communityConsoleJa = {
  'welcome.back': '戻る',
  'profile.visibility': '公開範囲',
  'people.about': 'プロフィール',
} as const;
