import MarkdownIt, { type StateCore, type Token } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { normaliseHashtag } from '../hashtags/normalise-hashtag.js';

/**
 * Posts and comments are a small Markdown subset: paragraphs and line breaks, bold, italics,
 * strike-through, lists, quotes, code, and links; hashtags become links to their page. Raw HTML is
 * not Markdown here (html: false escapes it), and the output still passes an allowlist sanitiser,
 * so no script, style, event handler or javascript: URL can survive either step.
 */
const md = new MarkdownIt('zero', { html: false, linkify: true, breaks: true })
  .enable([
    'paragraph',
    'newline',
    'emphasis',
    'strikethrough',
    'list',
    'blockquote',
    'backticks',
    'fence',
    'link',
    'linkify',
    'escape',
    'text_join',
  ])
  .disable([], true);

const hashtagPattern = /[#＃]([\p{L}\p{M}\p{N}_ー・]+)/gu;

/** A core rule: text outside links is split so each #tag becomes a link to the network's hashtag page. */
function linkHashtags(state: StateCore) {
  const slug = (state.env as { slug: string }).slug;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: Token[] = [];
    let insideLink = 0;
    for (const token of block.children) {
      if (token.type === 'link_open') insideLink++;
      if (token.type === 'link_close') insideLink--;
      if (token.type !== 'text' || insideLink > 0) {
        out.push(token);
        continue;
      }
      let last = 0;
      for (const match of token.content.matchAll(hashtagPattern)) {
        const tag = normaliseHashtag(match[1]!);
        if (!tag) continue;
        const before = token.content.slice(last, match.index);
        if (before) out.push(textToken(state, before));
        const open = new state.Token('link_open', 'a', 1);
        open.attrs = [
          ['href', `/t/${slug}/hashtags/${encodeURIComponent(tag.key)}`],
          ['class', 'hashtag'],
        ];
        out.push(open, textToken(state, `#${tag.label}`), new state.Token('link_close', 'a', -1));
        last = match.index + match[0].length;
      }
      if (last === 0) out.push(token);
      else if (last < token.content.length) out.push(textToken(state, token.content.slice(last)));
    }
    block.children = out;
  }
}
md.core.ruler.push('enishi_hashtags', linkHashtags);

/**
 * @mentions are written `@[表示名](member id)` (the composer inserts them). Read before links, so the
 * bracket is not taken for a link. Only members the post may mention (env.mentions) become links, and
 * under their own display name, so a mention cannot pass itself off as someone else.
 */
const mentionPattern =
  /^@\[([^\]\n]{1,60})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/;
export const mentionsPattern = new RegExp(mentionPattern.source.slice(1), 'g');
md.inline.ruler.before('link', 'enishi_mention', (state, silent) => {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
  const match = mentionPattern.exec(state.src.slice(state.pos));
  if (!match) return false;
  if (!silent) {
    const token = state.push('enishi_mention', '', 0);
    token.meta = { label: match[1]!.trim(), id: match[2]! };
  }
  state.pos += match[0].length;
  return true;
});
md.renderer.rules.enishi_mention = (tokens, index, _options, env) => {
  const { label, id } = tokens[index]!.meta as { label: string; id: string };
  const { slug, mentions } = env as { slug: string; mentions?: ReadonlyMap<string, string> };
  const name = mentions?.get(id);
  if (name === undefined) return md.utils.escapeHtml(`@${label}`);
  return `<a href="/t/${slug}/people/${id}" class="mention">${md.utils.escapeHtml(`@${name}`)}</a>`;
};

/** The member ids a text mentions, each once, in order. */
export function mentionedIds(source: string): string[] {
  return [...new Set(Array.from(source.matchAll(mentionsPattern), (match) => match[2]!))];
}

function textToken(state: StateCore, content: string) {
  const token = new state.Token('text', '', 0);
  token.content = content;
  return token;
}

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 's', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'a'],
  allowedAttributes: { a: ['href', 'class', 'rel', 'target'] },
  allowedClasses: { a: ['hashtag', 'mention'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href ?? '';
      // Links inside Enishi stay in the app; links out open apart and pass no referrer or ranking.
      const out: sanitizeHtml.Attributes = href.startsWith('/')
        ? { href, ...(attribs.class ? { class: attribs.class } : {}) }
        : { href, rel: 'noopener noreferrer nofollow ugc', target: '_blank' };
      return { tagName, attribs: out };
    },
  },
};

export function renderMarkdown(source: string, slug: string, mentions?: ReadonlyMap<string, string>): string {
  return sanitizeHtml(md.render(source, { slug, mentions }), sanitizeOptions).trim();
}

/** The words of a post without its markup, for a line in a digest or a notification. */
export function plainText(source: string): string {
  const words: string[] = [];
  for (const block of md.parse(source, { slug: '' })) {
    if (block.type !== 'inline') continue;
    if (words.length > 0) words.push(' ');
    for (const token of block.children ?? []) {
      if (token.type === 'text' || token.type === 'code_inline') words.push(token.content);
      if (token.type === 'enishi_mention') words.push(`@${(token.meta as { label: string }).label}`);
      if (token.type === 'softbreak' || token.type === 'hardbreak') words.push(' ');
    }
  }
  return words.join('').replace(/\s+/g, ' ').trim();
}
