import { useI18n } from '../../../app/i18n';
import { modesOf, type StaffEvent } from './event-console-model';

/** Seats per way of taking part: confirmed against the capacity, the waitlist and attendance. */
export function EventSeats({ event }: { event: StaffEvent }) {
  const { t } = useI18n();
  return (
    <>
      {modesOf(event.format).map((mode, index) => {
        const seats = mode === 'online' ? event.seats.online : event.seats.inPerson;
        const label = t(`eventsConsole.mode.${mode}`);
        return (
          <span key={mode}>
            {index > 0 && ' ・ '}
            {seats.capacity === null
              ? t('eventsConsole.seatsUnlimited', { mode: label, confirmed: seats.confirmed })
              : t('eventsConsole.seats', {
                  mode: label,
                  confirmed: seats.confirmed,
                  capacity: seats.capacity,
                })}
            {seats.waitlisted > 0 && ` ・ ${t('eventsConsole.waitlisted', { count: seats.waitlisted })}`}
          </span>
        );
      })}
    </>
  );
}
