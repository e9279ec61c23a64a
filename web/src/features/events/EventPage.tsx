import { useQuery } from '@tanstack/react-query';
import { CalendarPlus, ExternalLink, MapPin } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { useCommunity } from '../community/community-context';
import { EventMaterials } from './EventMaterials';
import { eventKeys, eventWhen, seatsLeft } from './event-model';
import { RegistrationBadge } from './RegistrationBadge';
import { RegistrationPanel } from './RegistrationPanel';
import { WhoIsGoing } from './WhoIsGoing';

/**
 * One event as a member sees it: when (in the event's zone), how, where, who speaks, the seats left,
 * my registration, and the ways to put it in a calendar. The meeting link appears only when the
 * server sends it (to confirmed registrants, from a set time before the start).
 */
export function EventPage() {
  const { t, locale, formatDateTime } = useI18n();
  const { slug } = useCommunity();
  const { id = '' } = useParams();
  const one = useQuery({
    queryKey: eventKeys.event(slug, id),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/events/{id}', { params: { path: { slug, id } }, signal })),
  });
  const back = (
    <p>
      <Link to={`/t/${slug}/events`}>← {t('events.back')}</Link>
    </p>
  );
  const event = one.data;
  if (one.error)
    return (
      <section>
        {back}
        <h1>{t('events.title')}</h1>
        <ErrorMessage error={one.error} />
      </section>
    );
  if (!event) return <Loading />;
  const seats = seatsLeft(event);
  const online = event.format !== 'in_person';
  // Materials are shared once the event has ended (the server sends none before).
  const ended = Date.parse(event.endsAt) <= Date.now();
  const inPerson = event.format !== 'online';
  return (
    <article>
      {back}
      {event.cover && (
        <img
          src={event.cover.url}
          alt={event.cover.alt}
          width={event.cover.width}
          height={event.cover.height}
          className="event-cover"
        />
      )}
      <h1>{event.title}</h1>
      <p className="small">
        <span className="badge">{t(`events.format.${event.format}`)}</span>
        {event.status === 'cancelled' && <span className="badge warn">{t('events.cancelled')}</span>}
        <RegistrationBadge event={event} />
      </p>
      <dl className="facts">
        <div>
          <dt>{t('events.when')}</dt>
          <dd>{eventWhen(locale, event)}</dd>
        </div>
        {inPerson && (
          <div>
            <dt>{t('events.venue')}</dt>
            <dd>
              {event.venue}
              {event.address && <span className="block muted small">{event.address}</span>}
              {event.mapUrl && (
                <a className="block" href={event.mapUrl} target="_blank" rel="noopener noreferrer">
                  <MapPin aria-hidden="true" className="icon" /> {t('events.map')}
                </a>
              )}
            </dd>
          </div>
        )}
        {online && (
          <div>
            <dt>{t('events.online')}</dt>
            <dd>
              {event.meetingUrl ? (
                <a href={event.meetingUrl} target="_blank" rel="noopener noreferrer">
                  <ExternalLink aria-hidden="true" className="icon" /> {t('events.join')}
                </a>
              ) : (
                <span className="muted small">
                  {event.meetingUrlFrom
                    ? t('events.linkFrom', { date: formatDateTime(event.meetingUrlFrom) })
                    : t('events.linkLater')}
                </span>
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('events.capacity')}</dt>
          <dd>
            {seats.capacity === null
              ? t('events.noLimit')
              : t('events.seatsLeft', { left: seats.left ?? 0, capacity: seats.capacity })}
          </dd>
        </div>
        {event.registrationClosesAt && (
          <div>
            <dt>{t('events.closes')}</dt>
            <dd>{formatDateTime(event.registrationClosesAt)}</dd>
          </div>
        )}
      </dl>
      {ended && <EventMaterials slug={slug} id={event.id} />}
      <RegistrationPanel event={event} />
      {event.bodyHtml && (
        // Rendered and sanitised on the server from Markdown (no raw HTML survives).
        // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised allowlist HTML
        <div className="post-body" dangerouslySetInnerHTML={{ __html: event.bodyHtml }} />
      )}
      {event.speakers.length > 0 && (
        <>
          <h2>{t('events.speakers')}</h2>
          <ul className="list">
            {event.speakers.map((speaker) => (
              <li key={`${speaker.membershipId ?? ''}${speaker.name}`} className="list-row">
                <div>
                  {speaker.membershipId ? (
                    <Link to={`/t/${slug}/people/${speaker.membershipId}`}>
                      <strong>{speaker.name}</strong>
                    </Link>
                  ) : (
                    <strong>{speaker.name}</strong>
                  )}
                  {speaker.title && <p className="muted small">{speaker.title}</p>}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {event.status === 'published' && <WhoIsGoing slug={slug} id={event.id} />}
      <section aria-labelledby="add-to-calendar">
        <h2 id="add-to-calendar">{t('events.addToCalendar')}</h2>
        <div className="actions">
          <a
            className="button secondary"
            href={`/api/v1/t/${slug}/community/events/${event.id}/calendar.ics`}
            download={`${event.title}.ics`}
          >
            <CalendarPlus aria-hidden="true" className="icon" /> {t('events.ics')}
          </a>
          <Link className="button secondary" to={`/t/${slug}/events#calendar-feed`}>
            {t('events.feed.link')}
          </Link>
        </div>
      </section>
    </article>
  );
}
