import { useQueryClient } from '@tanstack/react-query';
import { CircleAlert, CircleCheck, Info } from 'lucide-react';
import { type FormEvent, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, call, client } from '../../../app/api';
import type { Schemas } from '../../../app/api/types';
import { useI18n } from '../../../app/i18n';
import { ErrorMessage, Loading } from '../../../app/ui';
import { useConsoleHome } from '../../admin/AdminLayout';
import { EventConsoleNav } from './EventConsoleNav';
import { eventConsoleKeys, seatTotals } from './event-console-model';
import { formatInZone } from './event-times';
import { QrScanner } from './QrScanner';
import { useStaffEvent } from './use-staff-event';

type Outcome = { ok: Schemas['EventCheckInResult'] } | { refused: string };

/**
 * 受付 at the door, on a phone: the QR code on the attendee's screen is scanned with the camera, or its
 * code typed (any case; spaces and hyphens are dropped by the server); the answer says who was checked
 * in or why not, and the field is cleared for the next person.
 */
export function AdminEventCheckInPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const queryClient = useQueryClient();
  const loaded = useStaffEvent(slug, id);
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const event = loaded.data;
  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (!event) return <Loading />;

  const checkIn = async (code: string, from: 'typed' | 'scanned') => {
    setBusy(true);
    setOutcome(null);
    try {
      const ok = await call(
        client.POST('/v1/t/{slug}/events/{id}/check-in', { params: { path: { slug, id } }, body: { code } }),
      );
      setOutcome({ ok });
      if (from === 'typed') setCode('');
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: eventConsoleKeys.one(slug, id) }),
        queryClient.invalidateQueries({ queryKey: eventConsoleKeys.registrations(slug, id) }),
      ]);
    } catch (caught) {
      const reason =
        caught instanceof ApiError ? (caught.fieldError('code') ?? caught.problem.title) : t('common.error');
      setOutcome({ refused: reason });
    } finally {
      setBusy(false);
      // Focusing the field while scanning would open the keyboard over the camera view.
      if (from === 'typed') input.current?.focus();
    }
  };
  const submit = (submitted: FormEvent) => {
    submitted.preventDefault();
    void checkIn(code, 'typed');
  };
  const totals = seatTotals(event);
  const result = outcome && 'ok' in outcome ? outcome.ok : null;
  return (
    <section aria-labelledby="event-check-in-title" className="check-in">
      <EventConsoleNav slug={slug} id={id} />
      <h2 id="event-check-in-title">{t('eventsConsole.checkInTitle')}</h2>
      <p>
        <strong>{event.title}</strong>{' '}
        <span className="small muted">{formatInZone(event.startsAt, event.timeZone, locale)}</span>
      </p>
      <p className="check-in-count" aria-live="polite">
        {t('eventsConsole.checkIn.count', { attended: event.attended, confirmed: totals.confirmed })}
      </p>
      <QrScanner onCode={(scanned) => void checkIn(scanned, 'scanned')} />
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="check-in-code">{t('eventsConsole.checkIn.code')}</label>
          <input
            id="check-in-code"
            ref={input}
            className="check-in-code"
            value={code}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="done"
            maxLength={20}
            aria-describedby="check-in-hint"
            onChange={(change) => setCode(change.target.value)}
          />
          <p className="hint" id="check-in-hint">
            {t('eventsConsole.checkInLead')}
          </p>
        </div>
        <button type="submit" className="primary check-in-submit" disabled={busy || !code.trim()}>
          {t('eventsConsole.checkIn.submit')}
        </button>
      </form>
      <div role="status" aria-live="assertive">
        {result && (
          <div className={`card check-in-result ${result.recorded ? 'ok' : 'again'}`}>
            <p className="check-in-headline">
              {result.recorded ? (
                <CircleCheck aria-hidden="true" className="icon" />
              ) : (
                <Info aria-hidden="true" className="icon" />
              )}{' '}
              {result.recorded
                ? t('eventsConsole.checkIn.recorded', { name: result.registration.member.displayName })
                : t('eventsConsole.checkIn.already', {
                    name: result.registration.member.displayName,
                    time: formatInZone(result.registration.attendedAt ?? '', event.timeZone, locale),
                  })}
            </p>
            {event.format === 'hybrid' && (
              <p className="small">
                {t('eventsConsole.checkIn.mode', {
                  mode: t(`eventsConsole.mode.${result.registration.mode}`),
                })}
              </p>
            )}
          </div>
        )}
        {outcome && 'refused' in outcome && (
          <div className="card check-in-result refused">
            <p className="check-in-headline">
              <CircleAlert aria-hidden="true" className="icon" />{' '}
              {t('eventsConsole.checkIn.refused', { reason: outcome.refused })}
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
