import { DeskTable, SortHeader, useRowNavigation } from '../../../app/desk-table';
import { useI18n } from '../../../app/i18n';
import type { StaffEvent, StaffRegistration } from './event-console-model';
import { formatInZone } from './event-times';

/**
 * Registrations on a desk: one row each in the server's order (arrival, cancelled last), every
 * question's answer in a column of its own as in the CSV, and the removal in the row.
 */
export function RegistrationsTable(props: {
  event: StaffEvent;
  registrations: StaffRegistration[];
  onRemove?(registration: StaffRegistration): void;
}) {
  const { t, locale } = useI18n();
  const { event, registrations } = props;
  const { bodyProps, rowProps, controlTabIndex } = useRowNavigation(registrations);
  const when = (iso: string) => formatInZone(iso, event.timeZone, locale);
  const hybrid = event.format === 'hybrid';
  return (
    <DeskTable
      caption={t('eventsConsole.reg.table.caption', { count: registrations.length.toLocaleString(locale) })}
      keys={t('desk.rowKeys')}
    >
      <thead>
        <tr>
          <th scope="col">{t('eventsConsole.reg.col.name')}</th>
          <th scope="col">{t('eventsConsole.reg.col.status')}</th>
          {hybrid && <th scope="col">{t('eventsConsole.reg.col.mode')}</th>}
          <th scope="col">{t('eventsConsole.reg.col.attendance')}</th>
          <th scope="col">{t('eventsConsole.reg.col.code')}</th>
          <SortHeader label={t('eventsConsole.reg.col.registeredAt')} direction="ascending" on />
          {event.questions.map((question) => (
            <th key={question.id} scope="col" className="clip" title={question.label}>
              {question.label}
            </th>
          ))}
          {props.onRemove && <th scope="col">{t('eventsConsole.reg.col.actions')}</th>}
        </tr>
      </thead>
      <tbody {...bodyProps}>
        {registrations.map((registration, index) => {
          const name = registration.member.displayName;
          return (
            <tr key={registration.id} {...rowProps(index)}>
              <th scope="row">
                {name}
                {registration.addedByStaff && (
                  <span className="muted small"> {t('eventsConsole.reg.byStaff')}</span>
                )}
              </th>
              <td>
                <span className={`badge${registration.status === 'confirmed' ? '' : ' subtle'}`}>
                  {registration.status === 'waitlisted'
                    ? t('eventsConsole.reg.status.waitlisted', { n: registration.waitlistPosition ?? '—' })
                    : t(`eventsConsole.reg.status.${registration.status}`)}
                </span>
              </td>
              {hybrid && <td>{t(`eventsConsole.mode.${registration.mode}`)}</td>}
              <td>{registration.attendedAt ? when(registration.attendedAt) : ''}</td>
              <td>
                <code>{registration.checkInCode}</code>
              </td>
              <td>{when(registration.registeredAt)}</td>
              {event.questions.map((question) => (
                <td key={question.id} className="clip" title={registration.answers[question.id] ?? ''}>
                  {registration.answers[question.id] ?? ''}
                </td>
              ))}
              {props.onRemove && (
                <td>
                  {registration.status !== 'cancelled' && (
                    <button
                      type="button"
                      tabIndex={controlTabIndex(index)}
                      aria-label={t('eventsConsole.reg.remove', { name })}
                      onClick={() => props.onRemove?.(registration)}
                    >
                      {t('eventsConsole.reg.removeShort')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </DeskTable>
  );
}
