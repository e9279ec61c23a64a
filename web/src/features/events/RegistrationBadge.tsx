import { useI18n } from '../../app/i18n';
import type { MemberEvent } from './event-model';

/** Where I stand for an event: 参加確定, キャンセル待ち n 番目, or nothing when not registered. */
export function RegistrationBadge({ event }: { event: MemberEvent }) {
  const { t } = useI18n();
  const registration = event.registration;
  if (!registration || registration.status === 'cancelled') return null;
  if (registration.status === 'waitlisted')
    return (
      <span className="badge warn">
        {registration.waitlistPosition
          ? t('events.waitlistedAt', { position: registration.waitlistPosition })
          : t('events.waitlisted')}
      </span>
    );
  return (
    <span className="badge">{registration.attended ? t('events.attended') : t('events.confirmed')}</span>
  );
}
