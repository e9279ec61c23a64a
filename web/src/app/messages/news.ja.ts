/** The news: members' reading pages and the console's お知らせ desk. */
export const newsJa = {
  'news.link': 'ニュース',
  'news.title': 'ニュース',
  'news.lead': '会社の「今」をお届けします。',
  'news.all': 'すべて',
  'news.categories': 'カテゴリー',
  'news.archive': '月別アーカイブ',
  'news.archiveMonth': '{year}年{month}月（{count}件）',
  'news.monthHeading': '{year}年{month}月のニュース',
  'news.none': 'まだ記事はありません。',
  'news.more': 'さらに読み込む',
  'news.unread': '未読',
  'news.published': '公開',
  'news.revised': '更新',
  'news.back': 'ニュース一覧へ戻る',
  'news.comments': 'コメント',
  'news.noComments': 'まだコメントはありません。',
  'news.comment': 'コメントする',
  'news.commentLabel': 'コメント',
  'news.deleteComment': 'コメントを削除',
  'news.commentHiddenOwn':
    'このコメントはモデレーターにより非表示になりました（ほかの方には表示されません）。理由：{reason}',
  'news.commentHiddenStaff':
    '非表示中のコメントです（投稿者とモデレーターにだけ表示されます）。理由：{reason}',
  'news.hideComment': 'このコメントを非表示にする',
  'news.restoreComment': 'コメントを再表示する',
} as const;
