import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Field, Loading } from '../../app/ui';
import { communityKeys, useCommunity } from './community-context';

type Word = { word: string; action: 'block' | 'hold' };
type ContentKind = 'posts' | 'comments' | 'article-comments' | 'messages';

/** The moderators' desk: reports with the reported content, held posts, and the word list. */
export function ModerationPage() {
  const { t, formatDateTime } = useI18n();
  const { slug } = useCommunity();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const path = { slug };
  // Switching between open and resolved keeps the last list on screen until the other arrives.
  const queueQuery = useQuery({
    queryKey: communityKeys.moderationQueue(slug, status),
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/community/moderation/queue', {
          params: { path, query: { status } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const wordsQuery = useQuery({
    queryKey: communityKeys.moderationWords(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/moderation/words', { params: { path }, signal })),
  });
  const queue = queueQuery.data;
  const words = wordsQuery.data?.words ?? [];
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [newWord, setNewWord] = useState<Word>({ word: '', action: 'hold' });
  const [writeError, setError] = useState<unknown>(null);
  const error = writeError ?? queueQuery.error ?? wordsQuery.error;
  /** A decision, then the queue and word list are read again (hidden content also leaves feeds). */
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: ['t', slug, 'community'] });
    } catch (caught) {
      setError(caught);
    }
  };
  const moderate = (kind: ContentKind, id: string, body: { action: 'hide' | 'publish'; reason: string }) => {
    const params = { path: { slug, id } };
    return call(
      kind === 'posts'
        ? client.POST('/v1/t/{slug}/community/moderation/posts/{id}', { params, body })
        : kind === 'comments'
          ? client.POST('/v1/t/{slug}/community/moderation/comments/{id}', { params, body })
          : kind === 'article-comments'
            ? client.POST('/v1/t/{slug}/community/moderation/article-comments/{id}', { params, body })
            : client.POST('/v1/t/{slug}/community/moderation/messages/{id}', { params, body }),
    );
  };
  const reasonFor = (id: string) => reasons[id] ?? '';
  const reasonField = (id: string) => (
    <div className="field">
      <label htmlFor={`reason-${id}`}>{t('moderation.reasonLabel')}</label>
      <textarea
        id={`reason-${id}`}
        rows={2}
        value={reasonFor(id)}
        onChange={(e) => setReasons({ ...reasons, [id]: e.target.value })}
      />
    </div>
  );
  const contentActions = (kind: ContentKind, id: string, current: string, key = id) => (
    <div className="actions">
      {current !== 'hidden' && (
        <button
          type="button"
          className="danger-button"
          disabled={!reasonFor(key).trim()}
          onClick={() => act(() => moderate(kind, id, { action: 'hide', reason: reasonFor(key) }))}
        >
          {t('moderation.hide')}
        </button>
      )}
      {current !== 'published' && (
        <button
          type="button"
          className="secondary"
          onClick={() =>
            act(() =>
              moderate(kind, id, {
                action: 'publish',
                reason: reasonFor(key) || t('moderation.noProblem'),
              }),
            )
          }
        >
          {t('moderation.publish')}
        </button>
      )}
    </div>
  );
  const addWord = (event: FormEvent) => {
    event.preventDefault();
    act(async () => {
      await call(client.POST('/v1/t/{slug}/community/moderation/words', { params: { path }, body: newWord }));
      setNewWord({ ...newWord, word: '' });
    });
  };

  if (!queue) return error ? <ErrorMessage error={error} /> : <Loading />;
  const reportedIds = new Set(queue.reports.map((r) => r.targetId));
  const heldPosts = queue.posts.filter((p) => p.status === 'held' && !reportedIds.has(p.id));
  return (
    <section>
      <h1>{t('moderation.title')}</h1>
      <ErrorMessage error={error} />
      <fieldset className="actions choices">
        <legend className="visually-hidden">{t('moderation.show')}</legend>
        {(['open', 'resolved'] as const).map((s) => (
          <button
            key={s}
            type="button"
            className={s === status ? '' : 'secondary'}
            aria-pressed={s === status}
            onClick={() => setStatus(s)}
          >
            {t(`moderation.status.${s}`)}
          </button>
        ))}
      </fieldset>
      {queue.reports.length === 0 && heldPosts.length === 0 && (
        <p className="muted">{t('moderation.empty')}</p>
      )}
      {queue.reports.map((report) => {
        const post =
          report.targetType === 'post' ? queue.posts.find((p) => p.id === report.targetId) : undefined;
        const comment =
          report.targetType === 'comment' ? queue.comments.find((c) => c.id === report.targetId) : undefined;
        const articleComment =
          report.targetType === 'article_comment'
            ? queue.articleComments.find((c) => c.id === report.targetId)
            : undefined;
        const member =
          report.targetType === 'member' ? queue.members.find((m) => m.id === report.targetId) : undefined;
        const message =
          report.targetType === 'message' ? queue.messages.find((m) => m.id === report.targetId) : undefined;
        return (
          <article
            key={report.id}
            className="card"
            aria-label={t('moderation.reportOf', { reporter: report.reporter })}
          >
            <p className="muted small">
              {formatDateTime(report.createdAt)} ・ {t(`report.reason.${report.reason as 'spam'}`)} ・{' '}
              {t('moderation.by', { name: report.reporter })}
            </p>
            {report.note && <p className="prewrap">{report.note}</p>}
            {post && (
              <blockquote>
                <strong>{post.author.displayName}</strong>
                {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised allowlist HTML */}
                <div dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
              </blockquote>
            )}
            {comment && (
              <blockquote>
                <strong>{comment.author.displayName}</strong>
                {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised allowlist HTML */}
                <div dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
              </blockquote>
            )}
            {articleComment && (
              <blockquote>
                <p className="small muted">
                  {t('moderation.onArticle')}{' '}
                  <Link to={`/t/${slug}/news/${articleComment.article.id}`}>
                    {articleComment.article.title}
                  </Link>
                </p>
                <strong>{articleComment.author.displayName}</strong>
                {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised allowlist HTML */}
                <div dangerouslySetInnerHTML={{ __html: articleComment.bodyHtml }} />
              </blockquote>
            )}
            {message && (
              <div>
                {message.context.length > 0 && (
                  <details>
                    <summary>{t('moderation.messageContext')}</summary>
                    <ul className="plain">
                      {message.context.map((entry) => (
                        <li key={entry.createdAt} className="small">
                          <strong>{entry.sender}</strong>：<span className="prewrap">{entry.body}</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                <blockquote aria-label={t('moderation.message')}>
                  <strong>{message.sender.displayName}</strong>
                  <p className="prewrap">{message.body}</p>
                </blockquote>
              </div>
            )}
            {member && (
              <p>
                <Link to={`/t/${slug}/people/${member.id}`}>{member.displayName}</Link>{' '}
                <span className="badge">{t(`role.${member.role as 'alumnus'}`)}</span>
              </p>
            )}
            {report.status === 'open' ? (
              <>
                {reasonField(report.id)}
                {post && contentActions('posts', post.id, post.status, report.id)}
                {comment && contentActions('comments', comment.id, comment.status, report.id)}
                {articleComment &&
                  contentActions('article-comments', articleComment.id, articleComment.status, report.id)}
                {message && contentActions('messages', message.id, message.status, report.id)}
                {member && member.status === 'active' && (
                  <button
                    type="button"
                    className="danger-button"
                    disabled={!reasonFor(report.id).trim()}
                    onClick={() =>
                      act(() =>
                        call(
                          client.POST('/v1/t/{slug}/community/moderation/members/{id}/suspend', {
                            params: { path: { slug, id: member.id } },
                            body: { reason: reasonFor(report.id) },
                          }),
                        ),
                      )
                    }
                  >
                    {t('moderation.suspend')}
                  </button>
                )}
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    act(() =>
                      call(
                        client.POST('/v1/t/{slug}/community/moderation/reports/{id}/dismiss', {
                          params: { path: { slug, id: report.id } },
                          body: { note: reasonFor(report.id) },
                        }),
                      ),
                    )
                  }
                >
                  {t('moderation.dismiss')}
                </button>
              </>
            ) : (
              <p className="muted small">
                {t(`moderation.outcome.${report.status as 'actioned'}`)}
                {report.resolution && ` ・ ${report.resolution}`}
              </p>
            )}
          </article>
        );
      })}
      {status === 'open' &&
        heldPosts.map((post) => (
          <article key={post.id} className="card" aria-label={t('moderation.heldPost')}>
            <p className="muted small">{t('moderation.heldPost')}</p>
            <blockquote>
              <strong>{post.author.displayName}</strong>
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised allowlist HTML */}
              <div dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
            </blockquote>
            {reasonField(post.id)}
            {contentActions('posts', post.id, post.status)}
          </article>
        ))}
      <section className="card" aria-labelledby="words-title">
        <h2 id="words-title">{t('moderation.words')}</h2>
        <p className="hint">{t('moderation.wordsHint')}</p>
        <ul className="plain">
          {words.map((w) => (
            <li key={w.id}>
              {w.word} <span className="badge">{t(`moderation.word.${w.action}`)}</span>{' '}
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  act(() =>
                    call(
                      client.DELETE('/v1/t/{slug}/community/moderation/words/{id}', {
                        params: { path: { slug, id: w.id } },
                      }),
                    ),
                  )
                }
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
        <form className="row" onSubmit={addWord}>
          <Field
            label={t('moderation.word')}
            name="word"
            value={newWord.word}
            onChange={(word) => setNewWord({ ...newWord, word })}
          />
          <div className="field">
            <label htmlFor="word-action">{t('moderation.wordAction')}</label>
            <select
              id="word-action"
              value={newWord.action}
              onChange={(e) => setNewWord({ ...newWord, action: e.target.value as 'block' | 'hold' })}
            >
              <option value="hold">{t('moderation.word.hold')}</option>
              <option value="block">{t('moderation.word.block')}</option>
            </select>
          </div>
          <button type="submit" disabled={!newWord.word.trim()}>
            {t('moderation.addWord')}
          </button>
        </form>
      </section>
    </section>
  );
}
