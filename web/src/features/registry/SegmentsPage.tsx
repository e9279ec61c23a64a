import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { call, client } from '../../app/api';
import { useDeskWidth } from '../../app/desk';
import { DeskTable, useRowNavigation } from '../../app/desk-table';
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
  const desk = useDeskWidth();
  const openSegment = (segment: Segment) => navigate(`/t/${slug}/admin/registry?segment=${segment.id}`);
  const inviteSegment = (segment: Segment) =>
    navigate(`/t/${slug}/admin/invite`, { state: { segment: segment.id } });
  const { bodyProps, rowProps, controlTabIndex } = useRowNavigation(segments ?? [], { onOpen: openSegment });
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
    <section className="wide">
      <h2>{t('segments.title')}</h2>
      <p className="lead">{t('segments.lead')}</p>
      <ErrorMessage error={error} />
      {list.isPending && <Loading />}
      {segments && segments.length === 0 && <p className="muted">{t('segments.empty')}</p>}
      {desk && segments && segments.length > 0 && (
        <DeskTable
          caption={t('segments.table.caption', { count: segments.length.toLocaleString(locale) })}
          keys={t('segments.table.keys')}
        >
          <thead>
            <tr>
              <th scope="col">{t('segments.column.name')}</th>
              <th scope="col">{t('segments.column.count')}</th>
              <th scope="col">{t('segments.column.actions')}</th>
            </tr>
          </thead>
          <tbody {...bodyProps}>
            {segments.map((segment, index) => (
              <tr key={segment.id} {...rowProps(index)}>
                <th scope="row">{segment.name}</th>
                <td className="number">{segment.count.toLocaleString(locale)}</td>
                <td>
                  <div className="row-actions">
                    <SegmentActions
                      segment={segment}
                      tabIndex={controlTabIndex(index)}
                      slug={slug}
                      onInvite={inviteSegment}
                      onRemove={remove}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </DeskTable>
      )}
      {!desk && (
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
                <SegmentActions segment={segment} slug={slug} onInvite={inviteSegment} onRemove={remove} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Open in the registry, invite, remove: the same three on a card and in a table row. */
function SegmentActions(props: {
  segment: Segment;
  slug: string;
  tabIndex?: number;
  onInvite(segment: Segment): void;
  onRemove(segment: Segment): void;
}) {
  const { t } = useI18n();
  const { segment, tabIndex } = props;
  return (
    <>
      <Link
        className="button secondary"
        to={`/t/${props.slug}/admin/registry?segment=${segment.id}`}
        tabIndex={tabIndex}
      >
        {t('segments.open')}
      </Link>
      <button type="button" className="secondary" tabIndex={tabIndex} onClick={() => props.onInvite(segment)}>
        {t('segments.invite')}
      </button>
      <button type="button" className="danger" tabIndex={tabIndex} onClick={() => props.onRemove(segment)}>
        {t('common.remove')}
      </button>
    </>
  );
}
