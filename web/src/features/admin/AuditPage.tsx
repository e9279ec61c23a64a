import { useCallback, useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages/ja';
import { ErrorMessage, Loading } from '../../app/ui';
import { useConsoleHome } from './AdminLayout';

type AuditEvent = {
  id: string;
  action: string;
  targetType: string;
  targetId: string | null;
  createdAt: string;
  actorName: string | null;
};
type Page = { events: AuditEvent[]; nextCursor: string | null };
const actions = [
  'tenant.created',
  'tenant.settings_changed',
  'member.added',
  'member.updated',
  'member.removed',
];

export function AuditPage() {
  const { t, formatDateTime } = useI18n();
  const home = useConsoleHome();
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<unknown>(null);
  const label = (name: string) => (actions.includes(name) ? t(`audit.action.${name}` as MessageKey) : name);

  const load = useCallback(
    async (cursor?: string) => {
      const params = new URLSearchParams();
      if (action) params.set('action', action);
      if (from) params.set('from', from);
      if (to) params.set('to', to);
      if (cursor) params.set('cursor', cursor);
      try {
        const next = await api<Page>('GET', `/t/${home.tenant.slug}/audit-events?${params}`);
        setPage((current) =>
          cursor && current
            ? { events: [...current.events, ...next.events], nextCursor: next.nextCursor }
            : next,
        );
        setError(null);
      } catch (caught) {
        setError(caught);
      }
    },
    [home.tenant.slug, action, from, to],
  );
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section>
      <h2>{t('console.audit')}</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="audit-action">{t('audit.filterAction')}</label>
          <select id="audit-action" value={action} onChange={(event) => setAction(event.target.value)}>
            <option value="">—</option>
            {actions.map((name) => (
              <option key={name} value={name}>
                {label(name)}
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
      <ErrorMessage error={error} />
      {!page && !error && <Loading />}
      {page && page.events.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      {page && page.events.length > 0 && (
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
              {page.events.map((event) => (
                <tr key={event.id}>
                  <td>{formatDateTime(event.createdAt)}</td>
                  <td>{event.actorName ?? '—'}</td>
                  <td>{label(event.action)}</td>
                  <td className="small">{event.targetType}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {page?.nextCursor && (
        <button type="button" className="secondary" onClick={() => load(page.nextCursor ?? undefined)}>
          {t('common.more')}
        </button>
      )}
    </section>
  );
}
