import { newsImages } from '../../db/schema/index.js';
import { ownedPictures } from '../images/owned-pictures.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { findReadableArticle } from './read-articles.js';

export const newsImageUrl = (slug: string, id: string) => `/api/v1/t/${slug}/news/images/${id}`;

/** An article's pictures (cover and body) through the shared owned-pictures code. */
const pictures = ownedPictures({
  table: newsImages,
  ownerKey: 'articleId',
  url: newsImageUrl,
  invalid: 'news_image_invalid',
});

export const uploadNewsImage = pictures.upload;
/** The pictures an article may use: free or already this article's; any other id is refused. */
export const usablePictures = pictures.usable;
/** Gives the article its pictures (cover and body), so they follow its visibility from then on. */
export const attachPictures = pictures.attach;
export const pictureInfo = pictures.info;

/** A picture: staff see every one; members those of articles they may read; otherwise 404. */
export const readNewsImage = (ctx: TenantServiceContext, id: string) =>
  pictures.read(ctx, id, findReadableArticle);
