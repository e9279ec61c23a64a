import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { call, client } from '../../app/api';
import type { Schemas } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Notice } from '../../app/ui';
import { useCommunity } from '../community/community-context';
import { eventKeys } from './event-model';

type Feed = Schemas['EventCalendarFeed'];

/**
 * My calendar feed: a secret webcal address with every event I registered for. The server shows the
 * address only when it is made (it keeps a hash), so a later visit offers a new one, which stops the old.
 */
export function CalendarFeedCard() {
  const { t, formatDateTime } = useI18n();
  const { slug } = useCommunity();
  const queryClient = useQueryClient();
  const fieldId = useId();
  const field = useRef<HTMLInputElement>(null);
  const [made, setMade] = useState<Feed | null>(null);
  const [copied, setCopied] = useState(false);
  const feed = useQuery({
    queryKey: eventKeys.feed(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/event-calendar-feed', { params: { path: { slug } }, signal })),
  });
  const settle = (next: Feed) => {
    setCopied(false);
    setMade(next.url ? next : null);
    queryClient.setQueryData(eventKeys.feed(slug), next);
  };
  const create = useMutation({
    mutationFn: () =>
      call(client.POST('/v1/t/{slug}/community/event-calendar-feed', { params: { path: { slug } } })),
    onSuccess: settle,
  });
  const revoke = useMutation({
    mutationFn: () =>
      call(client.DELETE('/v1/t/{slug}/community/event-calendar-feed', { params: { path: { slug } } })),
    onSuccess: settle,
  });
  const copy = async () => {
    if (!made?.webcalUrl) return;
    try {
      await navigator.clipboard.writeText(made.webcalUrl);
      setCopied(true);
    } catch {
      // Without clipboard access (an old browser, a denied permission) the address is selected to copy by hand.
      field.current?.select();
    }
  };
  const active = feed.data?.active ?? false;
  const busy = create.isPending || revoke.isPending;
  return (
    <section className="card" aria-labelledby="feed-title" id="calendar-feed">
      <h2 id="feed-title">{t('events.feed.title')}</h2>
      <p className="hint">{t('events.feed.lead')}</p>
      <ErrorMessage error={feed.error ?? create.error ?? revoke.error} />
      {made?.webcalUrl && (
        <>
          <div className="field">
            <label htmlFor={fieldId}>{t('events.feed.address')}</label>
            <input
              id={fieldId}
              ref={field}
              readOnly
              value={made.webcalUrl}
              onFocus={(e) => e.target.select()}
            />
            <p className="hint">{t('events.feed.secret')}</p>
          </div>
          <div className="actions">
            <button type="button" onClick={copy}>
              {t('events.feed.copy')}
            </button>
            <a className="button secondary" href={made.webcalUrl}>
              {t('events.feed.open')}
            </a>
          </div>
          {copied && <Notice>{t('events.feed.copied')}</Notice>}
        </>
      )}
      {active && !made && feed.data?.createdAt && (
        <p>{t('events.feed.activeSince', { date: formatDateTime(feed.data.createdAt) })}</p>
      )}
      {feed.data && !active && <p className="muted">{t('events.feed.off')}</p>}
      {feed.data && (
        <div className="actions">
          <button
            type="button"
            className={active ? 'secondary' : undefined}
            disabled={busy}
            onClick={() => create.mutate()}
          >
            {active ? t('events.feed.renew') : t('events.feed.create')}
          </button>
          {active && (
            <button type="button" className="danger" disabled={busy} onClick={() => revoke.mutate()}>
              {t('events.feed.revoke')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
