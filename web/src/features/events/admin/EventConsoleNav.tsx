import { NavLink } from 'react-router';
import { useI18n } from '../../../app/i18n';

/** The way back to the list and between one event's details, registrations and check-in. */
export function EventConsoleNav({ slug }: { slug: string; id: string | undefined }) {
  const { t } = useI18n();
  const base = `/t/${slug}/admin/events`;
  return (
    <>
      <p>
        <NavLink to={base} end>
          ← {t('eventsConsole.back')}
        </NavLink>
      </p>
    </>
  );
}
