import { eq } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import type { AppTransaction } from '../../../db/client.js';
import { tenants } from '../../../db/schema/index.js';
import { enterTenant } from '../../../db/scope.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { SlugSchema } from '../../tenancy/schemas.js';
import { countClick, countOpen, TRACKING_TOKEN } from './mail-tracking.js';

/**
 * Public: the picture and links in a mail that counts opens and clicks. Mail apps and browsers reach
 * them without signing in; the token is the only key. A click is redirected only to an address the
 * mail itself carried (by its position), never to one named in the request.
 */
export const mailTrackingRoutes = new Hono<AppEnv>();

// The smallest transparent GIF: one pixel.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const pages = {
  ja: {
    title: 'リンクが見つかりません',
    text: 'このリンクは無効です。メールの記事は、アルムナイネットワークにサインインしてお読みいただけます。',
  },
  en: {
    title: 'Link not found',
    text: 'This link is not valid. You can read the articles from the mail by signing in to the alumni network.',
  },
};

function unknownLink(c: Context<AppEnv>) {
  const locale = c.var.locale === 'en' ? 'en' : 'ja';
  const page = pages[locale];
  c.header('cache-control', 'no-store');
  return c.html(
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${page.title}</title></head><body style="font-family:sans-serif;line-height:1.7;max-width:640px;margin:0 auto;padding:16px"><main><h1 style="font-size:20px">${page.title}</h1><p>${page.text}</p></main></body></html>`,
    404,
  );
}

/** Runs `work` inside the network named by the slug (row-level security applies); null for none. */
async function inNetwork<T>(
  c: Context<AppEnv>,
  slug: string,
  work: (tx: AppTransaction, tenantId: string) => Promise<T>,
): Promise<T | null> {
  if (!SlugSchema.safeParse(slug).success) return null;
  return c.var.deps.database.db.transaction(async (tx) => {
    const [tenant] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug));
    if (!tenant) return null;
    await enterTenant(tx, tenant.id);
    return work(tx, tenant.id);
  });
}

mailTrackingRoutes.get('/:slug/:token/open.gif', async (c) => {
  const { slug, token } = c.req.param();
  // A HEAD (a link checker) is answered alike but is not an open.
  if (TRACKING_TOKEN.test(token) && c.req.method === 'GET') {
    await inNetwork(c, slug, (tx, tenantId) => countOpen(tx, tenantId, token));
  }
  // Unknown tokens get the same picture: the answer does not tell which tokens exist.
  return c.body(new Uint8Array(PIXEL), 200, {
    'content-type': 'image/gif',
    'cache-control': 'no-store, private',
  });
});

mailTrackingRoutes.get('/:slug/:token/:position', async (c) => {
  const { slug, token, position } = c.req.param();
  if (!TRACKING_TOKEN.test(token) || !/^\d{1,3}$/.test(position)) return unknownLink(c);
  const url = await inNetwork(c, slug, (tx, tenantId) =>
    countClick(tx, tenantId, token, Number(position), { count: c.req.method === 'GET' }),
  );
  if (!url) return unknownLink(c);
  c.header('cache-control', 'no-store');
  return c.redirect(url, 302);
});
