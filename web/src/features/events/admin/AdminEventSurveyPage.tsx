import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { call, client } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { ErrorMessage, Loading, Notice } from '../../../app/ui';
import { useConsoleHome } from '../../admin/AdminLayout';
import { EventConsoleNav } from './EventConsoleNav';
import { eventConsoleKeys } from './event-console-model';
import { formatInZone } from './event-times';
import { useStaffEvent } from './use-staff-event';

/**
 * イベント後アンケート: the survey the attendees get once the event has ended (sent once, by the server),
 * made in one click from the template or chosen among the surveys meant for this event's attendees,
 * and its answers — which, by that audience, are the attendees' — a link away.
 */
export function AdminEventSurveyPage() {
  const { id = '' } = useParams();
  const { t, locale, formatDateTime } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const queryClient = useQueryClient();
  const selectId = useId();
  const loaded = useStaffEvent(slug, id);
  const key = eventConsoleKeys.survey(slug, id);
  const state = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/events/{id}/survey', { params: { path: { slug, id } }, signal })),
  });
  const [choice, setChoice] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      call(client.POST('/v1/t/{slug}/events/{id}/survey', { params: { path: { slug, id } } })),
    onSuccess: (data) => {
      queryClient.setQueryData(key, data);
      setNotice(t('eventsConsole.survey.created'));
    },
  });
  const choose = useMutation({
    mutationFn: (surveyId: string | null) =>
      call(
        client.PUT('/v1/t/{slug}/events/{id}/survey', { params: { path: { slug, id } }, body: { surveyId } }),
      ),
    onSuccess: (data) => {
      queryClient.setQueryData(key, data);
      setNotice(data.survey ? t('eventsConsole.survey.chosen') : t('eventsConsole.survey.cleared'));
    },
  });
  const event = loaded.data;
  const data = state.data;
  if (loaded.error || state.error) return <ErrorMessage error={loaded.error ?? state.error} />;
  if (!event || !data) return <Loading />;
  const survey = data.survey;
  const others = data.candidates.filter((candidate) => candidate.id !== survey?.id);
  const selected = choice ?? others[0]?.id ?? '';
  return (
    <section aria-labelledby="event-survey-title">
      <EventConsoleNav slug={slug} id={id} />
      <h2 id="event-survey-title">{t('eventsConsole.survey.title')}</h2>
      <p>
        <strong>{event.title}</strong>{' '}
        <span className="small muted">{formatInZone(event.startsAt, event.timeZone, locale)}</span>
      </p>
      <p className="hint">{t('eventsConsole.survey.lead')}</p>
      {notice && <Notice>{notice}</Notice>}
      <ErrorMessage error={create.error ?? choose.error} />
      {survey ? (
        <div className="card">
          <p>
            <strong>{survey.title}</strong>{' '}
            <span className="badge">{t(`eventsConsole.survey.status.${survey.status}`)}</span>
          </p>
          <p className="small">
            {data.sentAt
              ? t('eventsConsole.survey.sentAt', { date: formatDateTime(data.sentAt) })
              : event.status === 'cancelled'
                ? t('eventsConsole.survey.notForCancelled')
                : t('eventsConsole.survey.sendsAt', {
                    date: formatInZone(event.endsAt, event.timeZone, locale),
                  })}
          </p>
          <p className="small">{t('eventsConsole.survey.responses', { count: survey.responses })}</p>
          <div className="actions">
            <Link className="button primary" to={`/t/${slug}/admin/surveys/${survey.id}`}>
              {t('eventsConsole.survey.results')}
            </Link>
            {survey.status === 'draft' && (
              <Link className="button secondary" to={`/t/${slug}/admin/surveys/${survey.id}/edit`}>
                {t('eventsConsole.survey.edit')}
              </Link>
            )}
            {!data.sentAt && (
              <button
                type="button"
                className="secondary"
                disabled={choose.isPending}
                onClick={() => choose.mutate(null)}
              >
                {t('eventsConsole.survey.clear')}
              </button>
            )}
          </div>
        </div>
      ) : (
        <div className="card">
          <p>{t('eventsConsole.survey.none')}</p>
          <button
            type="button"
            className="primary"
            disabled={create.isPending || event.status === 'cancelled'}
            onClick={() => create.mutate()}
          >
            {t('eventsConsole.survey.create')}
          </button>
          <p className="hint">{t('eventsConsole.survey.createHint')}</p>
        </div>
      )}
      {!data.sentAt && others.length > 0 && (
        <div className="field">
          <label htmlFor={selectId}>{t('eventsConsole.survey.choose')}</label>
          <select id={selectId} value={selected} onChange={(change) => setChoice(change.target.value)}>
            {others.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.title}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="secondary"
            disabled={choose.isPending || !selected}
            onClick={() => choose.mutate(selected)}
          >
            {t('eventsConsole.survey.use')}
          </button>
        </div>
      )}
    </section>
  );
}
