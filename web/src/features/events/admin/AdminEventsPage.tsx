import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { call, client } from '../../../app/api';
import { useDeskWidth } from '../../../app/desk';
import { useI18n } from '../../../app/i18n';
import { ErrorMessage, Loading } from '../../../app/ui';
import { useConsoleHome } from '../../admin/AdminLayout';
import { EventSeats } from './EventSeats';
import { EventsTable } from './EventsTable';
import { eventConsoleKeys } from './event-console-model';
import { formatInZone } from './event-times';

type When = 'upcoming' | 'past' | 'all';
const whens: When[] = ['upcoming', 'past', 'all'];

/** The console's イベント: drafts, published and cancelled events with their seats, upcoming or past. */
export function AdminEventsPage() {
  const { t, locale } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const desk = useDeskWidth();
  const [when, setWhen] = useState<When>('upcoming');
  const list = useQuery({
    queryKey: eventConsoleKeys.list(slug, when),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/events', { params: { path: { slug }, query: { when } }, signal })),
    staleTime: 0,
  });
  const events = list.data?.events;
  return (
    <section className="wide" aria-labelledby="events-console-title">
      <h2 id="events-console-title">{t('eventsConsole.title')}</h2>
      <p className="lead">{t('eventsConsole.lead')}</p>
      <p>
        <Link className="button primary" to={`/t/${slug}/admin/events/new`}>
          {t('eventsConsole.new')}
        </Link>
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor="events-when">{t('eventsConsole.when')}</label>
          <select id="events-when" value={when} onChange={(e) => setWhen(e.target.value as When)}>
            {whens.map((option) => (
              <option key={option} value={option}>
                {t(`eventsConsole.when.${option}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorMessage error={list.error} />
      {list.isPending && <Loading />}
      {events && events.length === 0 && <p className="muted">{t('eventsConsole.empty')}</p>}
      {desk && events && events.length > 0 && (
        <EventsTable
          slug={slug}
          events={events}
          direction={when === 'upcoming' ? 'ascending' : 'descending'}
        />
      )}
      {!desk && (
        <ul className="list">
          {events?.map((event) => (
            <li key={event.id} className="list-row">
              <div>
                <Link to={`/t/${slug}/admin/events/${event.id}`}>
                  <strong>{event.title}</strong>
                </Link>
                <p className="small muted">
                  <span className={`badge${event.status === 'published' ? '' : ' subtle'}`}>
                    {t(`eventsConsole.status.${event.status}`)}
                  </span>{' '}
                  {formatInZone(event.startsAt, event.timeZone, locale)} ・{' '}
                  {t(`eventsConsole.format.${event.format}`)}
                </p>
                <p className="small">
                  <EventSeats event={event} />
                  {event.attended > 0 && ` ・ ${t('eventsConsole.attended', { count: event.attended })}`}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
