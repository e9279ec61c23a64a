import { Bold, Italic, Link2, List } from 'lucide-react';
import { type ChangeEvent, type FormEvent, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { call, client, upload } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, FormError, fieldErrorOf } from '../../app/ui';
import { applyFormat, type Format } from './composer-format';
import type { Post, PostImage } from './post-model';

const formats: {
  format: Format;
  icon: typeof Bold;
  label: 'feed.format.bold' | 'feed.format.italic' | 'feed.format.link' | 'feed.format.list';
}[] = [
  { format: 'bold', icon: Bold, label: 'feed.format.bold' },
  { format: 'italic', icon: Italic, label: 'feed.format.italic' },
  { format: 'link', icon: Link2, label: 'feed.format.link' },
  { format: 'list', icon: List, label: 'feed.format.list' },
];

const MAX_IMAGES = 4;
type Candidate = { id: string; displayName: string };

/** The "@name" being typed just before the caret, if any. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  // Japanese is written without spaces, so "です@田中" starts a mention too; "a@example.jp" does not.
  const match = /(^|[^A-Za-z0-9_.@])@([^\s@[\]()]{1,20})$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/**
 * Write a post (bold, italics, links and lists from buttons, stored as the Markdown subset, #hashtags, @mentions picked from the directory, up to four pictures);
 * staff can mark it as a company announcement.
 */
export function Composer(props: {
  slug: string;
  groupId?: string;
  canAnnounce?: boolean;
  onPosted(post: Post): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [body, setBody] = useState('');
  const [images, setImages] = useState<PostImage[]>([]);
  const [uploading, setUploading] = useState(false);
  const [imageError, setImageError] = useState<unknown>(null);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [announcement, setAnnouncement] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!mention) {
      setCandidates([]);
      return;
    }
    // Wait for a pause in typing before asking the directory.
    const timer = window.setTimeout(() => {
      call(
        client.GET('/v1/t/{slug}/community/people', {
          params: { path: { slug: props.slug }, query: { q: mention.query, limit: 5 } },
        }),
      ).then(
        (result) => setCandidates(result.people),
        () => setCandidates([]),
      );
    }, 200);
    return () => window.clearTimeout(timer);
  }, [mention, props.slug]);

  // The selection to restore once a formatting button's change has been rendered.
  const selection = useRef<{ start: number; end: number } | null>(null);
  useLayoutEffect(() => {
    const wanted = selection.current;
    if (!wanted || !textarea.current) return;
    selection.current = null;
    textarea.current.focus();
    textarea.current.setSelectionRange(wanted.start, wanted.end);
  });
  const format = (kind: Format) => {
    const field = textarea.current;
    const start = field?.selectionStart ?? body.length;
    const end = field?.selectionEnd ?? body.length;
    const edit = applyFormat(body, start, end, kind, { linkText: t('feed.format.linkText') });
    selection.current = { start: edit.selectionStart, end: edit.selectionEnd };
    setMention(null);
    setBody(edit.text);
  };

  const edit = (event: ChangeEvent<HTMLTextAreaElement>) => {
    setBody(event.target.value);
    setMention(mentionQuery(event.target.value, event.target.selectionStart));
  };
  const pick = (person: Candidate) => {
    if (!mention) return;
    const token = `@[${person.displayName.replace(/[[\]]/g, '')}](${person.id}) `;
    const end = mention.start + 1 + mention.query.length;
    setBody(body.slice(0, mention.start) + token + body.slice(end));
    setMention(null);
    textarea.current?.focus();
  };
  const addImages = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []).slice(0, MAX_IMAGES - images.length);
    event.target.value = '';
    setImageError(null);
    setUploading(true);
    const added: PostImage[] = [];
    try {
      for (const file of files) {
        added.push(await upload<PostImage>('POST', `/t/${props.slug}/community/post-images`, file));
      }
    } catch (caught) {
      setImageError(caught);
    } finally {
      setImages((current) => [...current, ...added]);
      setUploading(false);
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const post: Post = await call(
        client.POST('/v1/t/{slug}/community/posts', {
          params: { path: { slug: props.slug } },
          body: {
            body,
            ...(images.length > 0 ? { imageIds: images.map((image) => image.id) } : {}),
            ...(props.groupId ? { groupId: props.groupId } : {}),
            ...(announcement ? { announcement: true } : {}),
          },
        }),
      );
      setBody('');
      setImages([]);
      setAnnouncement(false);
      props.onPosted(post);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card composer" onSubmit={submit}>
      <label htmlFor={id}>{t('feed.compose')}</label>
      <fieldset className="format-bar">
        <legend className="visually-hidden">{t('feed.format.title')}</legend>
        {formats.map(({ format: kind, icon: Icon, label }) => (
          <button
            key={kind}
            type="button"
            className="format-button"
            title={t(label)}
            // Keep the text's selection: the button acts on it.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => format(kind)}
          >
            <Icon aria-hidden="true" className="icon" />
            <span className="visually-hidden">{t(label)}</span>
          </button>
        ))}
      </fieldset>
      <textarea
        id={id}
        ref={textarea}
        rows={3}
        value={body}
        placeholder={t('feed.placeholder')}
        aria-describedby={`${id}-hint`}
        onChange={edit}
      />
      {candidates.length > 0 && (
        <ul className="mention-suggestions" aria-label={t('feed.mentionSuggestions')}>
          {candidates.map((person) => (
            <li key={person.id}>
              <button type="button" onClick={() => pick(person)}>
                @{person.displayName}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="hint" id={`${id}-hint`}>
        {t('feed.mentionHint')}
      </p>
      {images.length > 0 && (
        <ul className="composer-images">
          {images.map((image, index) => (
            <li key={image.id}>
              <img src={image.url} alt={t('feed.attachedImage', { index: index + 1 })} />
              <button
                type="button"
                className="link-button"
                onClick={() => setImages(images.filter((other) => other.id !== image.id))}
              >
                {t('feed.removeImage')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {images.length < MAX_IMAGES && (
        <div className="field">
          <label className="button secondary" htmlFor={`${id}-images`}>
            {t('feed.addImages')}
          </label>
          <input
            id={`${id}-images`}
            className="visually-hidden"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            onChange={addImages}
          />
          <p className="hint">{uploading ? t('feed.uploading') : t('feed.imagesHint')}</p>
        </div>
      )}
      <ErrorMessage error={imageError} />
      {fieldErrorOf(error, 'body') && <p className="field-error">{fieldErrorOf(error, 'body')}</p>}
      {props.canAnnounce && (
        <div className="choice">
          <input
            type="checkbox"
            id={`${id}-announcement`}
            checked={announcement}
            onChange={(event) => setAnnouncement(event.target.checked)}
          />
          <label htmlFor={`${id}-announcement`}>{t('feed.asAnnouncement')}</label>
        </div>
      )}
      <FormError error={error} />
      <button type="submit" disabled={busy || uploading || (!body.trim() && images.length === 0)}>
        {t('feed.post')}
      </button>
    </form>
  );
}
