import { useI18n } from '../../../app/i18n';
import type { StaffEvent, StaffRegistration } from './event-console-model';
import { formatInZone } from './event-times';

/** One registration as HR see it: status and waitlist place, how they take part, attendance, answers. */
export function RegistrationCard(props: {
  event: StaffEvent;
  registration: StaffRegistration;
  onRemove?(): void;
}) {
  const { t, locale } = useI18n();
  const { event, registration } = props;
  const when = (iso: string) => formatInZone(iso, event.timeZone, locale);
  const name = registration.member.displayName;
  const status =
    registration.status === 'waitlisted'
      ? t('eventsConsole.reg.status.waitlisted', { n: registration.waitlistPosition ?? '—' })
      : t(`eventsConsole.reg.status.${registration.status}`);
  const answered = event.questions.filter((question) => registration.answers[question.id]);
  return (
    <li className="list-row">
      <div>
        <strong>{name}</strong>{' '}
        <span className={`badge${registration.status === 'confirmed' ? '' : ' subtle'}`}>{status}</span>
        <p className="small muted">
          {event.format === 'hybrid' && `${t(`eventsConsole.mode.${registration.mode}`)} ・ `}
          {registration.status !== 'cancelled' &&
            (registration.attendedAt
              ? t('eventsConsole.reg.attended', { time: when(registration.attendedAt) })
              : t('eventsConsole.reg.notAttended'))}
          {registration.status !== 'cancelled' && ' ・ '}
          {t('eventsConsole.reg.code', { code: registration.checkInCode })}
        </p>
        <p className="small muted">
          {t('eventsConsole.reg.registeredAt', { time: when(registration.registeredAt) })}
          {registration.addedByStaff && ` ・ ${t('eventsConsole.reg.byStaff')}`}
        </p>
        {answered.length > 0 && (
          <dl className="small registration-answers">
            {answered.map((question) => (
              <div key={question.id}>
                <dt>{question.label}</dt>
                <dd>{registration.answers[question.id]}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      {props.onRemove && registration.status !== 'cancelled' && (
        <button type="button" className="link-button" onClick={props.onRemove}>
          {t('eventsConsole.reg.remove', { name })}
        </button>
      )}
    </li>
  );
}
