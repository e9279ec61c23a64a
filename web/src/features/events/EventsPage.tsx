import { useInfiniteQuery } from '@tanstack/react-query';
import { CalendarDays } from 'lucide-react';
import { Link, useSearchParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { useCommunity } from '../community/community-context';
import { CalendarFeedCard } from './CalendarFeedCard';
import { type EventListWhen, eventKeys, eventWhen } from './event-model';
import { RegistrationBadge } from './RegistrationBadge';

const lists: EventListWhen[] = ['upcoming', 'mine', 'past'];

/**
 * イベント: events meant for me (soonest first), the ones I registered for, and past ones (newest
 * first). The list lives in the address (?when=), so「申し込んだイベント」can be linked to.
 */
export function EventsPage() {
  const { t, locale } = useI18n();
  const { slug } = useCommunity();
  const [params] = useSearchParams();
  const asked = params.get('when');
  const when: EventListWhen = lists.find((list) => list === asked) ?? 'upcoming';
  // Past events come a page at a time (newest first); the other lists in one.
  const events = useInfiniteQuery({
    queryKey: eventKeys.list(slug, when),
    queryFn: ({ pageParam, signal }) =>
      call(
        client.GET('/v1/t/{slug}/community/events', {
          params: { path: { slug }, query: { when, after: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const list = events.data?.pages.flatMap((page) => page.events);
  return (
    <section aria-labelledby="events-title">
      <h1 id="events-title">{t('events.title')}</h1>
      <p className="lead">{t('events.lead')}</p>
      <nav aria-label={t('events.lists')}>
        <ul className="pills">
          {lists.map((list) => (
            <li key={list}>
              <Link
                to={list === 'upcoming' ? `/t/${slug}/events` : `/t/${slug}/events?when=${list}`}
                aria-current={list === when ? 'page' : undefined}
              >
                {t(`events.list.${list}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t(`events.list.${when}`)}</h2>
      <ErrorMessage error={events.error} />
      {events.isPending && <Loading />}
      {list && list.length === 0 && <p className="muted">{t(`events.empty.${when}`)}</p>}
      <ul className="list">
        {list?.map((event) => (
          <li key={event.id} className="card event-item">
            {event.cover && (
              <img
                src={event.cover.url}
                alt={event.cover.alt}
                width={event.cover.width}
                height={event.cover.height}
                loading="lazy"
                className="event-cover-thumb"
              />
            )}
            <p className="eyebrow">
              <CalendarDays aria-hidden="true" className="icon" /> {eventWhen(locale, event)}
            </p>
            <h3>
              <Link to={`/t/${slug}/events/${event.id}`}>{event.title}</Link>
            </h3>
            <p className="small">
              <span className="badge">{t(`events.format.${event.format}`)}</span>
              {event.status === 'cancelled' && <span className="badge warn">{t('events.cancelled')}</span>}
              <RegistrationBadge event={event} />
            </p>
            {event.format !== 'online' && event.venue && <p className="muted small">{event.venue}</p>}
          </li>
        ))}
      </ul>
      {events.hasNextPage && (
        <button
          type="button"
          className="secondary"
          disabled={events.isFetchingNextPage}
          onClick={() => events.fetchNextPage()}
        >
          {t('events.more')}
        </button>
      )}
      <CalendarFeedCard />
    </section>
  );
}
