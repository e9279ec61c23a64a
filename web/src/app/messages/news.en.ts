import type { newsJa } from './news.ja';

export const newsEn: Record<keyof typeof newsJa, string> = {
  'news.link': 'News',
  'news.title': 'News',
  'news.lead': 'The company as it is now.',
  'news.all': 'All',
  'news.categories': 'Categories',
  'news.archive': 'Monthly archive',
  'news.archiveMonth': '{monthName} {year} ({count})',
  'news.monthHeading': 'News from {monthName} {year}',
  'news.none': 'No articles yet.',
  'news.more': 'Load more',
  'news.unread': 'Unread',
  'news.published': 'Published',
  'news.revised': 'Updated',
  'news.back': 'Back to the news',
  'news.comments': 'Comments',
  'news.noComments': 'No comments yet.',
  'news.comment': 'Comment',
  'news.commentLabel': 'Comment',
  'news.deleteComment': 'Delete comment',
};
