import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, FormError, fieldErrorOf, Notice } from '../../app/ui';
import { useCommunity } from '../community/community-context';
import { CheckInQrCode } from './CheckInQrCode';
import { type AttendanceMode, eventKeys, isFull, type MemberEvent, modesOf } from './event-model';

/**
 * Registering in one tap (the questions first, if the event has any; online or in person for a hybrid
 * event), the waitlist when the seats are taken, and cancelling in one tap. A confirmed seat shows the
 * check-in QR code for staff to scan, and its code large enough to read out or type at the door.
 */
export function RegistrationPanel({ event }: { event: MemberEvent }) {
  const { t } = useI18n();
  const { slug } = useCommunity();
  const queryClient = useQueryClient();
  const modes = modesOf(event.format);
  const [mode, setMode] = useState<AttendanceMode | null>(modes.length === 1 ? modes[0]! : null);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const ids = useId();
  const path = { params: { path: { slug, id: event.id } } };
  const settle = (next: MemberEvent) => {
    queryClient.setQueryData(eventKeys.event(slug, event.id), next);
    queryClient.invalidateQueries({ queryKey: eventKeys.all(slug) });
  };
  const register = useMutation({
    mutationFn: () =>
      call(
        client.POST('/v1/t/{slug}/community/events/{id}/registration', {
          ...path,
          body: { ...(mode ? { mode } : {}), answers },
        }),
      ),
    onSuccess: settle,
  });
  const cancel = useMutation({
    mutationFn: () => call(client.POST('/v1/t/{slug}/community/events/{id}/registration/cancel', path)),
    onSuccess: settle,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    cancel.reset();
    register.mutate();
  };

  const registration = event.registration;
  if (event.status === 'cancelled') return <p className="alert alert-error">{t('events.cancelledNotice')}</p>;

  if (registration && registration.status !== 'cancelled') {
    const confirmed = registration.status === 'confirmed';
    return (
      <section className="card" aria-labelledby={`${ids}-mine`}>
        <h2 id={`${ids}-mine`}>{t('events.mine.title')}</h2>
        {confirmed ? (
          <p>
            <strong>{t('events.mine.confirmed')}</strong>
            {event.format === 'hybrid' && ` ・ ${t(`events.mode.${registration.mode}`)}`}
          </p>
        ) : (
          <p>
            <strong>
              {registration.waitlistPosition
                ? t('events.waitlistedAt', { position: registration.waitlistPosition })
                : t('events.waitlisted')}
            </strong>
            <br />
            {t('events.mine.waitlistHint')}
          </p>
        )}
        {confirmed && registration.checkInCode && (
          <div className="check-in">
            <p className="small">{t('events.checkIn.lead')}</p>
            <CheckInQrCode code={registration.checkInCode} />
            <p className="check-in-code">
              <span className="visually-hidden">{t('events.checkIn.label')} </span>
              {/* In fours, as people read codes out; staff may type it with or without the space. */}
              {registration.checkInCode.replace(/(.{4})(?=.)/g, '$1 ')}
            </p>
            {registration.attended && <p className="badge">{t('events.attended')}</p>}
          </div>
        )}
        <ErrorMessage error={cancel.error} />
        {/* Once attended or over, there is nothing left to cancel. */}
        {!registration.attended && new Date(event.endsAt).getTime() > Date.now() && (
          <button
            type="button"
            className="danger"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            {confirmed ? t('events.cancel') : t('events.leaveWaitlist')}
          </button>
        )}
      </section>
    );
  }

  if (!event.registrationOpen) {
    const notYet = event.registrationOpensAt && new Date(event.registrationOpensAt).getTime() > Date.now();
    return (
      <p className="muted">
        {registration?.status === 'cancelled' && `${t('events.mine.cancelled')} `}
        {notYet ? t('events.notOpenYet') : t('events.closed')}
      </p>
    );
  }

  const full = mode !== null && isFull(event, mode);
  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${ids}-register`}>
      <h2 id={`${ids}-register`}>{t('events.register.title')}</h2>
      {registration?.status === 'cancelled' && <Notice>{t('events.mine.cancelled')}</Notice>}
      {modes.length > 1 && (
        <fieldset>
          <legend>{t('events.register.mode')}</legend>
          {modes.map((option) => (
            <div className="choice" key={option}>
              <input
                type="radio"
                id={`${ids}-${option}`}
                name="mode"
                checked={mode === option}
                onChange={() => setMode(option)}
              />
              <label htmlFor={`${ids}-${option}`}>
                {t(`events.mode.${option}`)}
                {isFull(event, option) && ` (${t('events.full')})`}
              </label>
            </div>
          ))}
          {fieldErrorOf(register.error, 'mode') && (
            <p className="field-error">{fieldErrorOf(register.error, 'mode')}</p>
          )}
        </fieldset>
      )}
      {event.questions.map((question) => {
        const id = `${ids}-q-${question.id}`;
        const error = fieldErrorOf(register.error, `answers.${question.id}`);
        const value = answers[question.id] ?? '';
        const set = (next: string) => setAnswers({ ...answers, [question.id]: next });
        return (
          <div className="field" key={question.id}>
            <label htmlFor={id}>
              {question.label}
              {question.required && ` ${t('events.register.required')}`}
            </label>
            {question.kind === 'choice' ? (
              <select
                id={id}
                value={value}
                aria-required={question.required}
                aria-invalid={error ? true : undefined}
                onChange={(e) => set(e.target.value)}
              >
                <option value="">{t('events.register.choose')}</option>
                {question.choices.map((choice) => (
                  <option key={choice} value={choice}>
                    {choice}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                value={value}
                aria-required={question.required}
                maxLength={1000}
                aria-invalid={error ? true : undefined}
                onChange={(e) => set(e.target.value)}
              />
            )}
            {error && <p className="field-error">{error}</p>}
          </div>
        );
      })}
      {full && <p className="hint">{t('events.register.fullHint')}</p>}
      <FormError error={register.error} />
      <button type="submit" disabled={register.isPending}>
        {full ? t('events.register.waitlist') : t('events.register.submit')}
      </button>
    </form>
  );
}
