import { type FormEvent, useId, useState } from 'react';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { FormError, fieldErrorOf } from '../../app/ui';
import type { Post } from './post-types';

/** Write a post (Markdown subset, #hashtags); staff can mark it as a company announcement. */
export function Composer(props: {
  slug: string;
  groupId?: string;
  canAnnounce?: boolean;
  onPosted(post: Post): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [body, setBody] = useState('');
  const [announcement, setAnnouncement] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const post = await api<Post>('POST', `/t/${props.slug}/community/posts`, {
        body,
        ...(props.groupId ? { groupId: props.groupId } : {}),
        ...(announcement ? { announcement: true } : {}),
      });
      setBody('');
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
        rows={3}
        value={body}
        placeholder={t('feed.placeholder')}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setBody(event.target.value)}
      />
      <p className="hint" id={`${id}-hint`}>
        {t('feed.markdownHint')}
      </p>
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
      <button type="submit" disabled={busy || !body.trim()}>
        {t('feed.post')}
      </button>
    </form>
  );
}
