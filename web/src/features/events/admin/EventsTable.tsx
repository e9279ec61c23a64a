import { useNavigate } from 'react-router';
import { DeskTable, SortHeader, useRowNavigation } from '../../../app/desk-table';
import { useI18n } from '../../../app/i18n';
import { type StaffEvent, seatTotals } from './event-console-model';
import { formatInZone } from './event-times';

/** Events on a desk: one dense row each, in the server's order (by start), opened with Enter. */
export function EventsTable(props: {
  slug: string;
  events: StaffEvent[];
  direction: 'ascending' | 'descending';
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const open = (event: StaffEvent) => navigate(`/t/${props.slug}/admin/events/${event.id}`);
  const { bodyProps, rowProps, controlTabIndex } = useRowNavigation(props.events, { onOpen: open });
  return (
    <DeskTable
      caption={t('eventsConsole.table.caption', { count: props.events.length.toLocaleString(locale) })}
      keys={t('desk.rowKeys')}
    >
      <thead>
        <tr>
          <th scope="col">{t('eventsConsole.table.title')}</th>
          <SortHeader label={t('eventsConsole.table.starts')} direction={props.direction} on />
          <th scope="col">{t('eventsConsole.table.status')}</th>
          <th scope="col">{t('eventsConsole.table.format')}</th>
          <th scope="col">{t('eventsConsole.table.confirmed')}</th>
          <th scope="col">{t('eventsConsole.table.capacity')}</th>
          <th scope="col">{t('eventsConsole.table.waitlisted')}</th>
          <th scope="col">{t('eventsConsole.table.attended')}</th>
        </tr>
      </thead>
      <tbody {...bodyProps}>
        {props.events.map((event, index) => {
          const totals = seatTotals(event);
          return (
            <tr key={event.id} {...rowProps(index)}>
              <th scope="row" className="clip" title={event.title}>
                <a
                  href={`/t/${props.slug}/admin/events/${event.id}`}
                  tabIndex={controlTabIndex(index)}
                  onClick={(click) => {
                    click.preventDefault();
                    open(event);
                  }}
                >
                  {event.title}
                </a>
              </th>
              <td>{formatInZone(event.startsAt, event.timeZone, locale)}</td>
              <td>
                <span className={`badge${event.status === 'published' ? '' : ' subtle'}`}>
                  {t(`eventsConsole.status.${event.status}`)}
                </span>
              </td>
              <td>{t(`eventsConsole.format.${event.format}`)}</td>
              <td className="number">{totals.confirmed}</td>
              <td className="number">{totals.capacity ?? '—'}</td>
              <td className="number">{totals.waitlisted}</td>
              <td className="number">{event.attended}</td>
            </tr>
          );
        })}
      </tbody>
    </DeskTable>
  );
}
