/** Cache keys of the news' server state, so writes can invalidate what they change. */
export const newsKeys = {
  all: (slug: string) => ['t', slug, 'news'] as const,
  list: (slug: string, category: string, month: string) =>
    ['t', slug, 'news', 'list', category, month] as const,
  archive: (slug: string) => ['t', slug, 'news', 'archive'] as const,
  categories: (slug: string) => ['t', slug, 'news', 'categories'] as const,
  article: (slug: string, id: string) => ['t', slug, 'news', 'article', id] as const,
  comments: (slug: string, id: string) => ['t', slug, 'news', 'comments', id] as const,
  desk: (slug: string) => ['t', slug, 'news-desk'] as const,
  deskArticle: (slug: string, id: string) => ['t', slug, 'news-desk', 'article', id] as const,
  deskCategories: (slug: string) => ['t', slug, 'news-desk', 'categories'] as const,
};

/** "2026-11" as the reader's language writes a month. */
export function monthParts(month: string, locale: string) {
  const [year = '', number = '1'] = month.split('-');
  const monthName = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ja-JP', {
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(Number(year), Number(number) - 1, 1)));
  return { year, month: String(Number(number)), monthName };
}
