import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call, client } from '../../app/api';
import type { Schemas } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { tenantName } from '../tenancy/tenant-name';
import { useConsoleHome } from './AdminLayout';
import { type AuditAction, actionLabel, auditActionList, targetTypeLabel } from './audit-labels';

type AuditEvent = Schemas['AuditEvent'];

export function AuditPage() {
  const { t, locale, formatDateTime } = useI18n();
  const home = useConsoleHome();
  const slug = home.tenant.slug;
  const [action, setAction] = useState<AuditAction | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const log = useInfiniteQuery({
    queryKey: ['t', slug, 'audit-events', { action, from, to }],
    queryFn: ({ pageParam, signal }) =>
      call(
        client.GET('/v1/t/{slug}/audit-events', {
          params: {
            path: { slug },
            query: {
              limit: 50,
              ...(action ? { action } : {}),
              ...(from ? { from } : {}),
              ...(to ? { to } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    // The log is a record of what happened: read it fresh each time it is opened.
    staleTime: 0,
  });
  const events = log.data?.pages.flatMap((page) => page.events) ?? [];

  /** 「名簿レコード：鈴木 一郎」; the network by its name; a change to several records as such. */
  const target = (event: AuditEvent) => {
    const type = targetTypeLabel(t, event.targetType);
    const name = event.targetType === 'tenant' ? tenantName(home.tenant, locale) : event.targetName;
    if (name) return t('audit.targetOf', { type, name });
    return event.targetId ? type : t('audit.bulkTarget', { type });
  };

  return (
    <section className="wide">
      <h2>{t('console.audit')}</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="audit-action">{t('audit.filterAction')}</label>
          <select
            id="audit-action"
            value={action}
            onChange={(event) => setAction(event.target.value as AuditAction | '')}
          >
            <option value="">—</option>
            {auditActionList.map((name) => (
              <option key={name} value={name}>
                {actionLabel(t, name)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('audit.from')}</label>
          <input id="audit-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('audit.to')}</label>
          <input id="audit-to" type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        </div>
      </div>
      <ErrorMessage error={log.error} />
      {log.isPending && <Loading />}
      {log.isSuccess && events.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      {events.length > 0 && (
        // Wide on a phone: the table scrolls inside a region that can be reached and scrolled by keyboard.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled without a mouse (WCAG 2.1.1; axe scrollable-region-focusable)
        <section className="table-wrap" aria-label={t('console.audit')} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.target')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td>{formatDateTime(event.createdAt)}</td>
                  <td>{event.actorName ?? '—'}</td>
                  <td>{actionLabel(t, event.action)}</td>
                  <td>{target(event)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {log.hasNextPage && (
        <button
          type="button"
          className="secondary"
          disabled={log.isFetchingNextPage}
          onClick={() => log.fetchNextPage()}
        >
          {t('common.more')}
        </button>
      )}
    </section>
  );
}
