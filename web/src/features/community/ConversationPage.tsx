import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { communityKeys, useCommunity } from './community-context';
import { Badge } from './PersonCardView';
import { ReportForm } from './ReportForm';

/** One conversation: messages oldest first, and a box to reply. Opening it marks it read. */
export function ConversationPage({ backTo }: { backTo?: 'inbox' }) {
  const { id = '' } = useParams();
  const { t, formatDateTime } = useI18n();
  const { slug } = useCommunity();
  const queryClient = useQueryClient();
  const key = communityKeys.conversation(slug, id);
  // Reading the thread marks it read, so it is read afresh each time it is opened.
  const { data: thread, error: loadError } = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/community/conversations/{id}', { params: { path: { slug, id } }, signal }),
      ),
    staleTime: 0,
    gcTime: 0,
  });
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<unknown>(null);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const next = await call(
        client.POST('/v1/t/{slug}/community/conversations/{id}/messages', {
          params: { path: { slug, id } },
          body: { body: draft },
        }),
      );
      queryClient.setQueryData(key, next);
      await queryClient.invalidateQueries({ queryKey: communityKeys.conversations(slug), exact: true });
      setDraft('');
    } catch (caught) {
      setError(caught);
    }
  };
  if (!thread) return loadError ? <ErrorMessage error={loadError} /> : <Loading />;
  return (
    <section>
      <p>
        <Link to={backTo === 'inbox' ? `/t/${slug}/inbox` : `/t/${slug}/messages`}>
          ← {backTo === 'inbox' ? t('messages.inbox') : t('messages.title')}
        </Link>
      </p>
      <h1>{thread.kind === 'company' ? t('messages.withCompany') : t('messages.conversation')}</h1>
      <ol className="messages" aria-live="polite">
        {thread.messages.map((m) => (
          <li key={m.id} className={`message${m.mine ? ' mine' : ''}${m.hidden ? ' hidden-message' : ''}`}>
            <p className="small muted">
              {m.sender.displayName} <Badge badge={m.sender.badge} /> ・{' '}
              <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
            </p>
            {m.hidden && (
              <p role="status">
                {m.body ? t('messages.hiddenOwn', { reason: m.hidden.reason ?? '' }) : t('messages.hidden')}
              </p>
            )}
            {m.body && <p className="prewrap">{m.body}</p>}
            {thread.kind === 'direct' && !m.mine && !m.hidden && (
              <ReportForm slug={slug} targetType="message" targetId={m.id} />
            )}
          </li>
        ))}
      </ol>
      {thread.messages.length === 0 && <p className="muted">{t('messages.empty')}</p>}
      <form className="card" onSubmit={send}>
        <label htmlFor="message-body">{t('messages.write')}</label>
        <textarea id="message-body" rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <ErrorMessage error={error} />
        <button type="submit" disabled={!draft.trim()}>
          {t('messages.send')}
        </button>
      </form>
    </section>
  );
}
