import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Heart, Lightbulb, PartyPopper, Pencil, Pin, PinOff, ThumbsUp, Trash2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage } from '../../app/ui';
import { communityKeys } from './community-context';
import { Avatar, Badge } from './PersonCardView';
import { type Post, reactionKinds } from './post-model';
import { ReportForm } from './ReportForm';

const reactionIcons = { like: ThumbsUp, clap: PartyPopper, idea: Lightbulb, heart: Heart } as const;

/** One post: author, where it was posted, the sanitised body, reactions and comments. */
export function PostCard(props: { slug: string; post: Post; onChange(post: Post | null): void }) {
  const { t, formatDateTime } = useI18n();
  const { slug, post } = props;
  const path = { slug, id: post.id };
  const queryClient = useQueryClient();
  const [showComments, setShowComments] = useState(false);
  const commentsQuery = useQuery({
    queryKey: communityKeys.comments(slug, post.id),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/posts/{id}/comments', { params: { path }, signal })),
    enabled: showComments,
    staleTime: 0,
  });
  const comments = showComments ? (commentsQuery.data?.comments ?? null) : null;
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [writeError, setError] = useState<unknown>(null);
  const error = writeError ?? commentsQuery.error;

  const act = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    }
  };
  const react = (kind: (typeof reactionKinds)[number]) =>
    act(async () => {
      const params = { path: { ...path, kind } };
      props.onChange(
        await call(
          post.myReactions.includes(kind)
            ? client.DELETE('/v1/t/{slug}/community/posts/{id}/reactions/{kind}', { params })
            : client.PUT('/v1/t/{slug}/community/posts/{id}/reactions/{kind}', { params }),
        ),
      );
    });
  const loadComments = () => {
    setError(null);
    if (showComments) void commentsQuery.refetch();
    else setShowComments(true);
  };
  const comment = (event: FormEvent) => {
    event.preventDefault();
    act(async () => {
      await call(
        client.POST('/v1/t/{slug}/community/posts/{id}/comments', {
          params: { path },
          body: { body: draft },
        }),
      );
      setDraft('');
      await queryClient.invalidateQueries({ queryKey: communityKeys.comments(slug, post.id) });
      props.onChange({ ...post, commentCount: post.commentCount + 1 });
    });
  };
  const remove = () => {
    if (!window.confirm(t('feed.deleteConfirm'))) return;
    act(async () => {
      await call(client.DELETE('/v1/t/{slug}/community/posts/{id}', { params: { path } }));
      props.onChange(null);
    });
  };
  const saveEdit = (event: FormEvent) => {
    event.preventDefault();
    act(async () => {
      props.onChange(
        await call(
          client.PATCH('/v1/t/{slug}/community/posts/{id}', {
            params: { path },
            body: { body: editing ?? '' },
          }),
        ),
      );
      setEditing(null);
    });
  };
  const pin = () =>
    act(async () => {
      await call(
        client.PUT('/v1/t/{slug}/community/posts/{id}/pin', {
          params: { path },
          body: { pinned: !post.pinned },
        }),
      );
      props.onChange({ ...post, pinned: !post.pinned });
    });

  return (
    <article
      className={`card post${post.kind === 'announcement' ? ' announcement' : ''}`}
      aria-label={t('feed.postBy', { name: post.author.displayName })}
    >
      <header className="post-head">
        <Avatar person={post.author} size={40} />
        <div>
          <Link to={`/t/${slug}/people/${post.author.id}`} className="person-name">
            {post.author.displayName}
          </Link>{' '}
          <Badge badge={post.author.badge} />
          <p className="muted small">
            <Link to={`/t/${slug}/posts/${post.id}`} className="post-link">
              <time dateTime={post.createdAt}>{formatDateTime(post.createdAt)}</time>
              <span className="visually-hidden">{t('feed.openPost')}</span>
            </Link>
            {post.editedAt && ` ・ ${t('feed.edited')}`}
            {post.group && (
              <>
                {' ・ '}
                <Link to={`/t/${slug}/groups/${post.group.id}`}>{post.group.name}</Link>
              </>
            )}
            {post.kind === 'announcement' && ` ・ ${t('feed.announcement')}`}
            {post.pinned && ` ・ ${t('feed.pinned')}`}
          </p>
        </div>
      </header>
      {post.moderation && (
        <p className="alert alert-error" role="status">
          {post.moderation.status === 'held'
            ? t('feed.held')
            : t('feed.hidden', { reason: post.moderation.reason ?? '' })}
        </p>
      )}
      {editing === null ? (
        // Rendered and sanitised on the server from the Markdown subset (no raw HTML survives).
        // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised allowlist HTML
        <div className="post-body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      ) : (
        <form onSubmit={saveEdit}>
          <label htmlFor={`edit-${post.id}`} className="visually-hidden">
            {t('feed.edit')}
          </label>
          <textarea
            id={`edit-${post.id}`}
            rows={4}
            value={editing}
            onChange={(e) => setEditing(e.target.value)}
          />
          <div className="actions">
            <button type="submit">{t('common.save')}</button>
            <button type="button" className="link-button" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {post.images.length > 0 && (
        <div className={`post-images count-${post.images.length}`}>
          {post.images.map((image, index) => (
            <a key={image.id} href={image.url} target="_blank" rel="noreferrer">
              <img
                src={image.url}
                width={image.width}
                height={image.height}
                loading="lazy"
                alt={t('feed.imageAlt', { index: index + 1, name: post.author.displayName })}
              />
            </a>
          ))}
        </div>
      )}
      <ErrorMessage error={error} />
      <div className="reactions">
        {reactionKinds.map((kind) => {
          const Icon = reactionIcons[kind];
          // The name is what is shown: the kind (for screen readers) and the count, so both are read.
          return (
            <button
              key={kind}
              type="button"
              className={`reaction${post.myReactions.includes(kind) ? ' mine' : ''}`}
              aria-pressed={post.myReactions.includes(kind)}
              onClick={() => react(kind)}
            >
              <Icon aria-hidden="true" className="icon" />
              <span className="visually-hidden">{t(`reaction.${kind}`)}</span> {post.reactions[kind] ?? 0}
            </button>
          );
        })}
        <button
          type="button"
          className="link-button"
          aria-expanded={comments !== null}
          onClick={loadComments}
        >
          {t('feed.comments', { count: post.commentCount })}
        </button>
      </div>
      <div className="post-actions">
        {post.canEdit && editing === null && post.body !== undefined && (
          <button type="button" className="link-button" onClick={() => setEditing(post.body ?? '')}>
            <Pencil aria-hidden="true" className="icon" /> {t('feed.edit')}
          </button>
        )}
        {post.canPin && (
          <button type="button" className="link-button" onClick={pin}>
            {post.pinned ? (
              <PinOff aria-hidden="true" className="icon" />
            ) : (
              <Pin aria-hidden="true" className="icon" />
            )}{' '}
            {post.pinned ? t('feed.unpin') : t('feed.pin')}
          </button>
        )}
        {post.canDelete && (
          <button type="button" className="link-button danger" onClick={remove}>
            <Trash2 aria-hidden="true" className="icon" /> {t('feed.delete')}
          </button>
        )}
        {!post.canEdit && <ReportForm slug={slug} targetType="post" targetId={post.id} />}
      </div>
      {comments && (
        <section className="comments" aria-label={t('feed.commentsTitle')}>
          <ul className="plain">
            {comments.map((c) => (
              <li key={c.id}>
                <strong>{c.author.displayName}</strong>
                {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised allowlist HTML */}
                <div dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
              </li>
            ))}
          </ul>
          <form className="inline-form" onSubmit={comment}>
            <label htmlFor={`comment-${post.id}`} className="visually-hidden">
              {t('feed.writeComment')}
            </label>
            <input
              id={`comment-${post.id}`}
              value={draft}
              placeholder={t('feed.writeComment')}
              onChange={(e) => setDraft(e.target.value)}
            />
            <button type="submit" className="secondary" disabled={!draft.trim()}>
              {t('feed.send')}
            </button>
          </form>
        </section>
      )}
    </article>
  );
}
