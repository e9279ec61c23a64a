import { plainText, renderMarkdown } from '../community/posts/render-markdown.js';

/**
 * An article's body is the Markdown subset of posts, plus two kinds of line of their own: a picture
 * `![説明](image:<id>)` (a picture uploaded for the news) and a heading `## 見出し`. Text between them
 * goes through the posts' renderer and its allowlist sanitiser; pictures and headings are built here
 * from escaped text and ids checked against storage, so no markup from the writer reaches the page.
 */
const pictureLine =
  /^!\[([^\]\n]{0,200})\]\(image:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)\s*$/;
const headingLine = /^#{2,3}\s+(.+?)\s*#*\s*$/;

type Block =
  | { kind: 'text'; source: string }
  | { kind: 'picture'; alt: string; id: string }
  | { kind: 'heading'; text: string };

function blocksOf(source: string): Block[] {
  const blocks: Block[] = [];
  let text: string[] = [];
  const flush = () => {
    if (text.join('').trim()) blocks.push({ kind: 'text', source: text.join('\n') });
    text = [];
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    const picture = pictureLine.exec(line);
    const heading = picture ? null : headingLine.exec(line);
    if (picture) {
      flush();
      blocks.push({ kind: 'picture', alt: picture[1]!.trim(), id: picture[2]! });
    } else if (heading) {
      flush();
      blocks.push({ kind: 'heading', text: heading[1]! });
    } else {
      text.push(line);
    }
  }
  flush();
  return blocks;
}

/** The picture ids a body uses, each once, in order. */
export function pictureIds(source: string): string[] {
  return [...new Set(blocksOf(source).flatMap((block) => (block.kind === 'picture' ? [block.id] : [])))];
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

export type PictureInfo = { url: string; width: number; height: number };

/** Sanitised HTML for a body whose picture ids were all found (`pictures`). */
export function renderArticleBody(
  source: string,
  slug: string,
  pictures: ReadonlyMap<string, PictureInfo>,
): string {
  return blocksOf(source)
    .map((block) => {
      if (block.kind === 'text') return renderMarkdown(block.source, slug);
      if (block.kind === 'heading') return `<h2>${escapeHtml(block.text)}</h2>`;
      const picture = pictures.get(block.id);
      if (!picture) return '';
      const caption = block.alt ? `<figcaption>${escapeHtml(block.alt)}</figcaption>` : '';
      return (
        `<figure><img src="${escapeHtml(picture.url)}" alt="${escapeHtml(block.alt)}" ` +
        `width="${picture.width}" height="${picture.height}" loading="lazy">${caption}</figure>`
      );
    })
    .filter(Boolean)
    .join('\n');
}

/** The first words of the text, for lists and notifications. */
export function articleExcerpt(source: string, length = 120): string {
  const words = blocksOf(source)
    .map((block) =>
      block.kind === 'text' ? plainText(block.source) : block.kind === 'heading' ? block.text : '',
    )
    .filter(Boolean)
    .join(' ');
  const chars = Array.from(words);
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : words;
}
