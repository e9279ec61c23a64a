import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { call, client } from '../../app/api';
import type { Schemas } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import { ErrorMessage } from '../../app/ui';
import { ReportForm } from '../community/ReportForm';
import { newsKeys } from './news-keys';

type Comment = Schemas['NewsComment'];

/**
 * An article's comments and the box to add one. A comment moderators hid shows its author why, and
 * moderators can restore it; members report someone else's comment to the network's moderators.
 */
export function ArticleComments({ slug, id, onChange }: { slug: string; id: string; onChange(): void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const key = newsKeys.comments(slug, id);
  const { data } = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/news/articles/{id}/comments', { params: { path: { slug, id } }, signal }),
      ),
  });
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: key });
      onChange();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sent = await act(() =>
      call(
        client.POST('/v1/t/{slug}/news/articles/{id}/comments', {
          params: { path: { slug, id } },
          body: { body },
        }),
      ),
    );
    if (sent) setBody('');
  };
  const remove = (commentId: string) =>
    act(() =>
      call(
        client.DELETE('/v1/t/{slug}/news/articles/{id}/comments/{commentId}', {
          params: { path: { slug, id, commentId } },
        }),
      ),
    );
  const moderate = (commentId: string, action: 'hide' | 'publish', reason: string) =>
    act(() =>
      call(
        client.POST('/v1/t/{slug}/community/moderation/article-comments/{id}', {
          params: { path: { slug, id: commentId } },
          body: { action, reason },
        }),
      ),
    );
  return (
    <section className="comments" aria-labelledby="article-comments">
      <h2 id="article-comments">{t('news.comments')}</h2>
      {data && data.comments.length === 0 && <p className="muted">{t('news.noComments')}</p>}
      <ul className="plain">
        {data?.comments.map((comment) => (
          <CommentItem
            key={comment.id}
            slug={slug}
            comment={comment}
            onRemove={() => remove(comment.id)}
            onModerate={(action, reason) => moderate(comment.id, action, reason)}
          />
        ))}
      </ul>
      <ErrorMessage error={error} />
      <form className="composer" onSubmit={submit}>
        <label htmlFor="news-comment">{t('news.commentLabel')}</label>
        <textarea
          id="news-comment"
          value={body}
          maxLength={2000}
          rows={3}
          onChange={(e) => setBody(e.target.value)}
        />
        <button type="submit" className="primary" disabled={!body.trim()}>
          {t('news.comment')}
        </button>
      </form>
    </section>
  );
}

function CommentItem(props: {
  slug: string;
  comment: Comment;
  onRemove(): void;
  onModerate(action: 'hide' | 'publish', reason: string): Promise<boolean>;
}) {
  const { t, formatDateTime } = useI18n();
  const { comment } = props;
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const hide = async (event: FormEvent) => {
    event.preventDefault();
    if (await props.onModerate('hide', reason)) setReason('');
  };
  return (
    <li>
      <strong>{comment.author.displayName}</strong>{' '}
      <time className="small muted" dateTime={comment.createdAt}>
        {formatDateTime(comment.createdAt)}
      </time>
      {comment.hidden && (
        <p className="alert alert-error" role="status">
          {comment.canModerate
            ? t('news.commentHiddenStaff', { reason: comment.hiddenReason ?? '' })
            : t('news.commentHiddenOwn', { reason: comment.hiddenReason ?? '' })}
        </p>
      )}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised allowlist HTML */}
      <div dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
      <div className="actions">
        {comment.canDelete && (
          <button type="button" className="link-button danger" onClick={props.onRemove}>
            {t('news.deleteComment')}
          </button>
        )}
        {comment.canModerate && comment.hidden && (
          <button
            type="button"
            className="link-button"
            onClick={() => props.onModerate('publish', t('moderation.noProblem'))}
          >
            {t('news.restoreComment')}
          </button>
        )}
      </div>
      {comment.canModerate && !comment.hidden && (
        <details className="comment-moderation">
          <summary className="comment-moderation-toggle">{t('news.hideComment')}</summary>
          <form onSubmit={hide}>
            <div className="field">
              <label htmlFor={reasonId}>{t('moderation.reasonLabel')}</label>
              <textarea
                id={reasonId}
                rows={2}
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
            <button type="submit" className="danger-button" disabled={!reason.trim()}>
              {t('moderation.hide')}
            </button>
          </form>
        </details>
      )}
      {comment.canReport && !comment.canModerate && (
        <ReportForm slug={props.slug} targetType="article_comment" targetId={comment.id} />
      )}
    </li>
  );
}
