import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { call, client } from '../../../app/api';
import { useDeskWidth } from '../../../app/desk';
import { useI18n } from '../../../app/i18n';
import { ErrorMessage, Loading, Notice } from '../../../app/ui';
import { useConsoleHome } from '../../admin/AdminLayout';
import { AddRegistrationForm } from './AddRegistrationForm';
import { EventConsoleNav } from './EventConsoleNav';
import { EventSeats } from './EventSeats';
import { ExportRegistrations } from './ExportRegistrations';
import { eventConsoleKeys, type StaffRegistration, seatTotals } from './event-console-model';
import { formatInZone } from './event-times';
import { MessageRegistrants } from './MessageRegistrants';
import { RegistrationCard } from './RegistrationCard';
import { RegistrationsTable } from './RegistrationsTable';
import { useStaffEvent } from './use-staff-event';

/** One event's registrations: confirmed and waitlisted in arrival order, then cancelled ones; add, remove, export, message. */
export function AdminEventRegistrationsPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const queryClient = useQueryClient();
  const desk = useDeskWidth();
  const loaded = useStaffEvent(slug, id);
  const list = useQuery({
    queryKey: eventConsoleKeys.registrations(slug, id),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/events/{id}/registrations', { params: { path: { slug, id } }, signal })),
    staleTime: 0,
  });
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: eventConsoleKeys.registrations(slug, id) }),
      queryClient.invalidateQueries({ queryKey: eventConsoleKeys.one(slug, id) }),
      queryClient.invalidateQueries({ queryKey: eventConsoleKeys.list(slug, 'upcoming') }),
    ]);
  const event = loaded.data;
  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (!event) return <Loading />;

  const remove = async (registration: StaffRegistration) => {
    const name = registration.member.displayName;
    if (!window.confirm(t('eventsConsole.reg.confirmRemove', { name }))) return;
    setError(null);
    setNotice('');
    try {
      await call(
        client.POST('/v1/t/{slug}/events/{id}/registrations/{registrationId}/cancel', {
          params: { path: { slug, id, registrationId: registration.id } },
        }),
      );
      setNotice(t('eventsConsole.reg.removed', { name }));
      await refresh();
    } catch (caught) {
      setError(caught);
    }
  };
  const totals = seatTotals(event);
  const registrations = list.data?.registrations;
  const live = event.status !== 'cancelled';
  return (
    <section className="wide" aria-labelledby="event-registrations-title">
      <EventConsoleNav slug={slug} id={id} />
      <h2 id="event-registrations-title">{t('eventsConsole.registrationsTitle')}</h2>
      <p>
        <strong>{event.title}</strong>{' '}
        <span className="small muted">{formatInZone(event.startsAt, event.timeZone, locale)}</span>
      </p>
      <p className="small">
        <EventSeats event={event} />
      </p>
      <p className="small">
        {t('eventsConsole.reg.summary', {
          confirmed: totals.confirmed,
          waitlisted: totals.waitlisted,
          attended: event.attended,
        })}
      </p>
      {notice && <Notice>{notice}</Notice>}
      <ErrorMessage error={error ?? list.error} />
      {list.isPending && <Loading />}
      {registrations && registrations.length === 0 && <p className="muted">{t('eventsConsole.reg.none')}</p>}
      {desk && registrations && registrations.length > 0 && (
        <RegistrationsTable
          event={event}
          registrations={registrations}
          onRemove={live ? (registration) => remove(registration) : undefined}
        />
      )}
      {!desk && (
        <ul className="list" aria-labelledby="event-registrations-title">
          {registrations?.map((registration) => (
            <RegistrationCard
              key={registration.id}
              event={event}
              registration={registration}
              onRemove={live ? () => remove(registration) : undefined}
            />
          ))}
        </ul>
      )}
      {live && (
        <AddRegistrationForm
          slug={slug}
          event={event}
          onAdded={(added) => {
            setNotice(added);
            refresh();
          }}
        />
      )}
      {live && <MessageRegistrants slug={slug} eventId={id} />}
      <ExportRegistrations slug={slug} eventId={id} />
    </section>
  );
}
