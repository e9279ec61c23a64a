import { NavLink } from 'react-router';
import { useI18n } from '../../../app/i18n';

/** The way back to the list and between one event's details, registrations and check-in. */
export function EventConsoleNav({ slug, id }: { slug: string; id: string | undefined }) {
  const { t } = useI18n();
  const base = `/t/${slug}/admin/events`;
  return (
    <>
      <p>
        <NavLink to={base} end>
          ← {t('eventsConsole.back')}
        </NavLink>
      </p>
      {id && (
        <nav className="toolbar event-tabs" aria-label={t('eventsConsole.tabs')}>
          <NavLink to={`${base}/${id}`} end>
            {t('eventsConsole.tab.edit')}
          </NavLink>
          <NavLink to={`${base}/${id}/registrations`}>{t('eventsConsole.tab.registrations')}</NavLink>
          <NavLink to={`${base}/${id}/check-in`}>{t('eventsConsole.tab.checkIn')}</NavLink>
          <NavLink to={`${base}/${id}/materials`}>{t('eventsConsole.tab.materials')}</NavLink>
          <NavLink to={`${base}/${id}/survey`}>{t('eventsConsole.tab.survey')}</NavLink>
        </nav>
      )}
    </>
  );
}
