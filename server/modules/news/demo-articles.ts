import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { newsArticles, newsCategories } from '../../db/schema/index.js';
import { articleExcerpt, renderArticleBody } from './article-body.js';

const demoArticles = [
  {
    category: '会社の今',
    title: '2027年度の経営方針：「つながる製造業」へ',
    body: '## 3つの柱\n\n- 顧客と一緒に作る**共創型の開発**\n- 地域拠点の強化\n- アルムナイの皆さんとの協業\n\n社長メッセージの全文は近日公開します。',
    daysAgo: 3,
    authorKind: 'company' as const,
  },
  {
    category: '制度・働き方',
    title: '副業・兼業を届け出制にしました',
    body: '4月から、副業・兼業は**届け出だけ**で始められるようになりました。\n\n退職された皆さんからの「外で得た経験が会社に戻ってこない」というご意見も参考にしています。',
    daysAgo: 20,
    authorKind: 'person' as const,
  },
  {
    category: '技術',
    title: '生産ラインに画像検査AIを導入しました',
    body: '第二工場で、外観検査に画像認識を使い始めました。\n\n## 成果\n\n検査時間は約40%短くなりました。技術交流会でも詳しくご紹介します。',
    daysAgo: 41,
    authorKind: 'person' as const,
  },
  {
    category: 'イベント報告',
    title: 'アルムナイ交流会（東京）を開催しました',
    body: '11月に東京で交流会を開き、42名の方にお越しいただきました。ご参加ありがとうございました！\n\n次回は大阪での開催を予定しています。',
    daysAgo: 70,
    authorKind: 'company' as const,
  },
];

/** A few published articles across the categories and months, for the demo network's news. */
export async function seedDemoArticles(
  tx: Queryable,
  tenant: { id: string; slug: string },
  staffId: string,
  now = new Date(),
) {
  for (const article of demoArticles) {
    const [category] = await tx
      .select({ id: newsCategories.id })
      .from(newsCategories)
      .where(and(eq(newsCategories.tenantId, tenant.id), eq(newsCategories.name, article.category)));
    if (!category) continue;
    const publishedAt = new Date(now.getTime() - article.daysAgo * 86_400_000);
    await tx.insert(newsArticles).values({
      tenantId: tenant.id,
      categoryId: category.id,
      title: article.title,
      body: article.body,
      bodyHtml: renderArticleBody(article.body, tenant.slug, new Map()),
      excerpt: articleExcerpt(article.body),
      authorKind: article.authorKind,
      authorId: staffId,
      allowComments: true,
      status: 'published',
      publishedAt,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    });
  }
}
