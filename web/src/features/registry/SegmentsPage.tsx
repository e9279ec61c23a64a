import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import type { Segment } from './registry-model';

export function SegmentsPage() {
  const { t, locale } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const navigate = useNavigate();
  const [segments, setSegments] = useState<Segment[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<{ segments: Segment[] }>('GET', `/t/${slug}/registry/segments`).then(
      (d) => setSegments(d.segments),
      setError,
    );
  }, [slug]);
  const remove = async (segment: Segment) => {
    try {
      await api('DELETE', `/t/${slug}/registry/segments/${segment.id}`);
      setSegments((list) => list?.filter((s) => s.id !== segment.id) ?? null);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section>
      <h2>{t('segments.title')}</h2>
      <p className="lead">{t('segments.lead')}</p>
      <ErrorMessage error={error} />
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
