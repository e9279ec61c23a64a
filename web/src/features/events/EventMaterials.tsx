import { useQuery } from '@tanstack/react-query';
import { ExternalLink } from 'lucide-react';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage } from '../../app/ui';
import { eventKeys } from './event-model';

/**
 * 資料: what staff shared from a past event (slides, a recording), as links that open elsewhere. The
 * server sends only what this member may see; attendees-only ones it keeps back are counted.
 */
export function EventMaterials(props: { slug: string; id: string }) {
  const { t } = useI18n();
  const { slug, id } = props;
  const materials = useQuery({
    queryKey: eventKeys.materials(slug, id),
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/community/events/{id}/materials', {
          params: { path: { slug, id } },
          signal,
        }),
      ),
  });
  const data = materials.data;
  return (
    <section aria-labelledby="event-materials">
      <h2 id="event-materials">{t('events.materials.title')}</h2>
      <ErrorMessage error={materials.error} />
      {data && data.materials.length === 0 && data.attendeesOnlyHidden === 0 && (
        <p className="muted">{t('events.materials.none')}</p>
      )}
      {data && data.materials.length > 0 && (
        <ul className="list">
          {data.materials.map((material) => (
            <li key={material.id} className="list-row">
              <div>
                <a href={material.url} target="_blank" rel="noopener noreferrer">
                  <ExternalLink aria-hidden="true" className="icon" /> {material.title}
                </a>
                {material.note && <p className="muted small">{material.note}</p>}
              </div>
            </li>
          ))}
        </ul>
      )}
      {data && data.attendeesOnlyHidden > 0 && (
        <p className="muted small">{t('events.materials.attendeesOnly', { n: data.attendeesOnlyHidden })}</p>
      )}
    </section>
  );
}
