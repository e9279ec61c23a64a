import { useQuery } from '@tanstack/react-query';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { PersonCardView } from '../community/PersonCardView';
import { eventKeys } from './event-model';

/**
 * 参加予定の方: the others confirmed who agreed to be listed in the directory (the server leaves out
 * anyone a block separates), the rest as a number. Nothing is shown before anyone else is going.
 */
export function WhoIsGoing({ slug, id }: { slug: string; id: string }) {
  const { t } = useI18n();
  const going = useQuery({
    queryKey: eventKeys.going(slug, id),
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/community/events/{id}/going', { params: { path: { slug, id } }, signal }),
      ),
  });
  const data = going.data;
  if (!data || (data.people.length === 0 && data.others === 0)) return null;
  return (
    <section aria-labelledby="event-going">
      <h2 id="event-going">{t('events.going.title')}</h2>
      {data.people.length > 0 && (
        <ul className="people">
          {data.people.map((person) => (
            <PersonCardView key={person.id} slug={slug} person={person} />
          ))}
        </ul>
      )}
      {data.others > 0 && (
        <p className="muted small">
          {data.people.length > 0
            ? t('events.going.others', { n: data.others })
            : t('events.going.onlyOthers', { n: data.others })}
        </p>
      )}
    </section>
  );
}
