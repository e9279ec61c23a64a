import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { registryKeys } from './registry-keys';
import type { Segment } from './registry-model';

export function SegmentsPage() {
  const { t, locale } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: registryKeys.segments(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/registry/segments', { params: { path: { slug } }, signal })),
  });
  const segments = list.data?.segments;
  const [removeError, setRemoveError] = useState<unknown>(null);
  const error = removeError ?? list.error;
  const remove = async (segment: Segment) => {
    setRemoveError(null);
    try {
      await call(
        client.DELETE('/v1/t/{slug}/registry/segments/{id}', { params: { path: { slug, id: segment.id } } }),
      );
      await queryClient.invalidateQueries({ queryKey: registryKeys.segments(slug) });
    } catch (caught) {
      setRemoveError(caught);
    }
  };
  return (
    <section>
      <h2>{t('segments.title')}</h2>
      <p className="lead">{t('segments.lead')}</p>
      <ErrorMessage error={error} />
      {list.isPending && <Loading />}
      {segments && segments.length === 0 && <p className="muted">{t('segments.empty')}</p>}
      <ul className="list">
        {segments?.map((segment) => (
          <li key={segment.id} className="list-row">
            <div>
              <strong>{segment.name}</strong>
              <p className="muted small">
                {t('segments.count', { count: segment.count.toLocaleString(locale) })}
              </p>
            </div>
            <div className="row-actions">
              <Link className="button secondary" to={`/t/${slug}/admin/registry?segment=${segment.id}`}>
                {t('segments.open')}
              </Link>
              <button
                type="button"
                className="secondary"
                onClick={() => navigate(`/t/${slug}/admin/invite`, { state: { segment: segment.id } })}
              >
                {t('segments.invite')}
              </button>
              <button type="button" className="danger" onClick={() => remove(segment)}>
                {t('common.remove')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
