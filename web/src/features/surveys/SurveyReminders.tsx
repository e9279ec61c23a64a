import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { call, client } from '../../app/api';
import type { Schemas } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, FormError, fieldErrorOf, Loading, Notice } from '../../app/ui';
import { surveyKeys } from './survey-model';

type Reminder = Schemas['SurveyReminder'];
type Timing = Reminder['timing'];

/**
 * Reminders of an open survey: "未回答者にリマインド" at once, or one scheduled N days after sending or
 * before closing; the list shows when each goes (or went) out and how many it mailed.
 */
export function SurveyReminders(props: {
  slug: string;
  surveyId: string;
  hasClosing: boolean;
  open: boolean;
}) {
  const { slug, surveyId } = props;
  const { t, formatDateTime } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const [timing, setTiming] = useState<Exclude<Timing, 'now'>>('after_sending');
  const [days, setDays] = useState('7');
  const [notice, setNotice] = useState<string | null>(null);
  const key = surveyKeys.reminders(slug, surveyId);
  const path = { params: { path: { slug, id: surveyId } } };
  const { data, error } = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => call(client.GET('/v1/t/{slug}/surveys/{id}/reminders', { ...path, signal })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const schedule = useMutation({
    mutationFn: (body: { timing: Timing; days?: number }) =>
      call(client.POST('/v1/t/{slug}/surveys/{id}/reminders', { ...path, body })),
    onSuccess: async (made) => {
      setNotice(t(made.timing === 'now' ? 'surveys.reminders.queued' : 'surveys.reminders.scheduled'));
      await refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: (reminderId: string) =>
      call(
        client.POST('/v1/t/{slug}/surveys/{id}/reminders/{reminderId}/cancel', {
          params: { path: { slug, id: surveyId, reminderId } },
        }),
      ),
    onSuccess: async () => {
      setNotice(t('surveys.reminders.cancelled'));
      await refresh();
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!schedule.isPending) schedule.mutate({ timing, days: Number(days) });
  };
  if (!data) return error ? <ErrorMessage error={error} /> : <Loading />;
  const describe = (reminder: Reminder) =>
    reminder.timing === 'now'
      ? t('surveys.reminders.timing.now')
      : t(`surveys.reminders.timing.${reminder.timing}`, { days: reminder.days ?? 0 });
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('surveys.reminders.title')}</h3>
      <p className="hint">{t('surveys.reminders.lead')}</p>
      {notice && <Notice>{notice}</Notice>}
      <ErrorMessage error={cancel.error} />
      {props.open && (
        <>
          <div className="actions">
            <button
              type="button"
              className="secondary"
              disabled={schedule.isPending}
              onClick={() => schedule.mutate({ timing: 'now' })}
            >
              {t('surveys.reminders.now')}
            </button>
          </div>
          <form onSubmit={onSubmit} noValidate>
            <FormError error={schedule.error} />
            <div className="field">
              <label htmlFor={`${id}-timing`}>{t('surveys.reminders.when')}</label>
              <select
                id={`${id}-timing`}
                value={timing}
                onChange={(e) => setTiming(e.target.value as Exclude<Timing, 'now'>)}
              >
                <option value="after_sending">{t('surveys.reminders.afterSending')}</option>
                {props.hasClosing && (
                  <option value="before_closing">{t('surveys.reminders.beforeClosing')}</option>
                )}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-days`}>{t('surveys.reminders.days')}</label>
              <input
                id={`${id}-days`}
                type="number"
                inputMode="numeric"
                min={1}
                max={60}
                value={days}
                onChange={(e) => setDays(e.target.value)}
              />
              {fieldErrorOf(schedule.error, 'days') && (
                <p className="field-error">{fieldErrorOf(schedule.error, 'days')}</p>
              )}
            </div>
            <div className="actions">
              <button type="submit" disabled={schedule.isPending}>
                {t('surveys.reminders.schedule')}
              </button>
            </div>
          </form>
        </>
      )}
      {data.reminders.length === 0 ? (
        <p className="muted">{t('surveys.reminders.empty')}</p>
      ) : (
        <ul className="plain">
          {data.reminders.map((reminder) => (
            <li key={reminder.id}>
              {describe(reminder)} ・ {formatDateTime(reminder.dueAt)} ・{' '}
              <span className={`badge${reminder.status === 'sent' ? ' ok' : ''}`}>
                {t(`surveys.reminders.status.${reminder.status}`)}
              </span>
              {reminder.reached !== null && ` ${t('surveys.reminders.reached', { count: reminder.reached })}`}
              {reminder.status === 'scheduled' && (
                <button
                  type="button"
                  className="link-button"
                  disabled={cancel.isPending}
                  onClick={() => cancel.mutate(reminder.id)}
                >
                  {t('surveys.reminders.cancel')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
