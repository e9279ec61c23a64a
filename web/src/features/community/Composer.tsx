import { type ChangeEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { api, upload } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, FormError, fieldErrorOf } from '../../app/ui';
import type { Post, PostImage } from './post-model';

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
 * Write a post (Markdown subset, #hashtags, @mentions picked from the directory, up to four pictures);
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
      const query = new URLSearchParams({ q: mention.query, limit: '5' });
      api<{ people: Candidate[] }>('GET', `/t/${props.slug}/community/people?${query}`).then(
        (result) => setCandidates(result.people),
        () => setCandidates([]),
      );
    }, 200);
    return () => window.clearTimeout(timer);
  }, [mention, props.slug]);

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
      const post = await api<Post>('POST', `/t/${props.slug}/community/posts`, {
        body,
        ...(images.length > 0 ? { imageIds: images.map((image) => image.id) } : {}),
        ...(props.groupId ? { groupId: props.groupId } : {}),
        ...(announcement ? { announcement: true } : {}),
      });
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
        {t('feed.markdownHint')} {t('feed.mentionHint')}
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
