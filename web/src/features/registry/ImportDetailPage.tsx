import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages/ja';
import { ErrorMessage, Loading, Notice } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { encodingLabel, type Import } from './import-model';
import { registryKeys } from './registry-keys';

const targetLabels: Record<string, MessageKey> = {
  ignore: 'import.target.ignore',
  employeeNumber: 'field.employeeNumber',
  fullName: 'import.target.fullName',
  familyName: 'field.familyName',
  givenName: 'field.givenName',
  fullNameKana: 'import.target.fullNameKana',
  familyNameKana: 'field.familyNameKana',
  givenNameKana: 'field.givenNameKana',
  formerNames: 'field.formerNames',
  email: 'import.target.email',
  phone: 'field.phone',
  joinedOn: 'field.joinedOn',
  leftOn: 'field.leftOn',
  lastDepartment: 'field.lastDepartment',
  lastTitle: 'field.lastTitle',
  leaveReason: 'field.leaveReason',
  wouldReturn: 'field.wouldReturn',
  eligibility: 'field.eligibility',
  contactConsent: 'field.contactConsent',
  hrTags: 'field.hrTags',
  hrNotes: 'field.hrNotes',
};

const busyStatuses = new Set(['checking', 'applying']);

/** Mapping → dry run (with progress) → rejected rows → apply. Safe to leave and reopen at any step. */
export function ImportDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const queryClient = useQueryClient();
  // Polled while a job works on the import; the page can be closed and reopened meanwhile.
  const current = useQuery({
    queryKey: registryKeys.import(slug, id),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/registry/imports/{id}', { params: { path: { slug, id } }, signal })),
    staleTime: 0,
    refetchInterval: (query) => (busyStatuses.has(query.state.data?.status ?? '') ? 1000 : false),
  });
  const list = useQuery({
    queryKey: registryKeys.imports(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/registry/imports', { params: { path: { slug } }, signal })),
  });
  const fields = useQuery({
    queryKey: registryKeys.customFields(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/registry/custom-fields', { params: { path: { slug } }, signal })),
  });
  const imp = current.data;
  const targets = list.data?.targets ?? [];
  const custom = fields.data?.fields ?? [];
  // The mapping form needs the import, the target list and the custom fields together: a select
  // rendered before its options exist would show "ignore" for a pre-filled column.
  const ready = Boolean(imp && list.data && fields.data);
  const [edited, setMapping] = useState<Record<string, string> | null>(null);
  const mapping = edited ?? imp?.mapping ?? {};
  const [templateName, setTemplateName] = useState('');
  const [remap, setRemap] = useState(false);
  const [actionError, setError] = useState<unknown>(null);
  const error = actionError ?? current.error ?? list.error ?? fields.error;

  const noted = (imp?.counts?.rejected ?? 0) + (imp?.counts?.merged ?? 0) + (imp?.counts?.warned ?? 0);
  const issuePages = useInfiniteQuery({
    queryKey: [...registryKeys.import(slug, id), 'issues', imp?.checkedAt ?? ''],
    queryFn: ({ pageParam, signal }) =>
      call(
        client.GET('/v1/t/{slug}/registry/imports/{id}/issues', {
          params: { path: { slug, id }, query: { limit: 100, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: imp?.status === 'checked' && noted > 0,
  });
  const issues = issuePages.data
    ? {
        issues: issuePages.data.pages.flatMap((page) => page.issues),
        nextCursor: issuePages.data.pages.at(-1)?.nextCursor ?? null,
      }
    : null;

  // Applying changes the records once the job is done; the registry's lists must then be read again.
  const applied = imp?.status === 'applied';
  useEffect(() => {
    if (applied) void queryClient.invalidateQueries({ queryKey: registryKeys.records(slug) });
  }, [applied, queryClient, slug]);

  const settle = async (next: Import) => {
    queryClient.setQueryData(registryKeys.import(slug, id), next);
    await queryClient.invalidateQueries({ queryKey: registryKeys.imports(slug), exact: true });
  };

  const check = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const next = await call(
        client.POST('/v1/t/{slug}/registry/imports/{id}/check', {
          params: { path: { slug, id } },
          body: { mapping, ...(templateName.trim() ? { saveTemplateAs: templateName.trim() } : {}) },
        }),
      );
      setMapping(null);
      setRemap(false);
      await settle(next);
    } catch (caught) {
      setError(caught);
    }
  };

  const apply = async () => {
    setError(null);
    try {
      await settle(
        await call(
          client.POST('/v1/t/{slug}/registry/imports/{id}/apply', { params: { path: { slug, id } } }),
        ),
      );
    } catch (caught) {
      setError(caught);
    }
  };

  if (!imp || !ready) return error ? <ErrorMessage error={error} /> : <Loading />;
  const changes = (imp.counts?.new ?? 0) + (imp.counts?.updated ?? 0);
  const showMapping = imp.status === 'uploaded' || imp.status === 'failed' || remap;
  const options = [...targets, ...custom.map((f) => `custom:${f.key}`), 'ignore'];
  const labelOf = (target: string) =>
    target.startsWith('custom:')
      ? (custom.find((f) => `custom:${f.key}` === target)?.label ?? target)
      : targetLabels[target]
        ? t(targetLabels[target]!)
        : target;

  return (
    <section>
      <p>
        <Link to={`/t/${slug}/admin/import`}>← {t('console.import')}</Link>
      </p>
      <h2>{imp.fileName}</h2>
      <p className="muted">
        {t('import.rows', { count: imp.totalRows.toLocaleString(locale) })} ・{' '}
        {encodingLabel(t, imp.encoding)} ・{' '}
        <span className={`badge ${imp.status === 'failed' || imp.status === 'expired' ? 'warn' : ''}`}>
          {t(`import.status.${imp.status}`)}
        </span>
      </p>
      {imp.error && (
        <p className="alert alert-error" role="alert">
          {imp.error}
        </p>
      )}
      <ErrorMessage error={error} />

      {busyStatuses.has(imp.status) && (
        <div className="card" aria-live="polite">
          <label htmlFor="import-progress">
            {imp.status === 'checking'
              ? t('import.progress', {
                  done: imp.processedRows.toLocaleString(locale),
                  total: imp.totalRows.toLocaleString(locale),
                })
              : t('import.applyingProgress')}
          </label>
          <progress
            id="import-progress"
            max={imp.totalRows || 1}
            value={imp.status === 'checking' ? imp.processedRows : undefined}
          />
          <p className="hint">{t('import.leaveHint')}</p>
        </div>
      )}

      {showMapping && (
        <form className="card" onSubmit={check}>
          <h3>{t('import.mapping')}</h3>
          <p className="hint">{t('import.mappingHint')}</p>
          <div className="mapping">
            {imp.headers.map((header, index) => (
              <div className="field" key={header}>
                <label htmlFor={`map-${index}`}>{header}</label>
                <select
                  id={`map-${index}`}
                  value={mapping[header] ?? 'ignore'}
                  onChange={(event) => setMapping({ ...mapping, [header]: event.target.value })}
                >
                  {options.map((target) => (
                    <option key={target} value={target}>
                      {labelOf(target)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <div className="field">
            <label htmlFor="template-name">{t('import.saveTemplateAs')}</label>
            <input
              id="template-name"
              value={templateName}
              onChange={(event) => setTemplateName(event.target.value)}
            />
            <p className="hint">{t('import.saveTemplateHint')}</p>
          </div>
          <button type="submit" className="primary">
            {t('import.check')}
          </button>
        </form>
      )}

      {imp.counts && (imp.status === 'checked' || imp.status === 'applied') && (
        <div className="card">
          <h3>{t('import.result')}</h3>
          <dl className="stats">
            {(['new', 'updated', 'unchanged', 'rejected', 'merged', 'warned'] as const).map((key) => (
              <div className="stat" key={key}>
                <dt>{t(`import.count.${key}`)}</dt>
                <dd>{imp.counts![key].toLocaleString(locale)}</dd>
              </div>
            ))}
          </dl>
          {imp.status === 'applied' && <Notice>{t('import.applied', { count: changes })}</Notice>}
          {imp.status === 'checked' && (
            <>
              {changes > 0 ? (
                <>
                  <p className="hint">{t('import.applyHint')}</p>
                  <button type="button" className="primary" onClick={apply}>
                    {t('import.apply', { count: changes.toLocaleString(locale) })}
                  </button>
                </>
              ) : (
                <Notice>{t('import.nothingToApply')}</Notice>
              )}{' '}
              <button type="button" className="link-button" onClick={() => setRemap(true)}>
                {t('import.recheck')}
              </button>
            </>
          )}
        </div>
      )}

      {imp.status === 'checked' && issues && issues.issues.length > 0 && (
        <div className="card">
          <h3>{t('import.issues')}</h3>
          <ul className="list issues">
            {issues.issues.map((issue) => (
              <li key={`${issue.row}-${issue.code}-${issue.column}`} className="list-row">
                <div>
                  <p className="small muted">
                    <span className={`badge ${issue.severity === 'error' ? 'warn' : ''}`}>
                      {t(`import.severity.${issue.severity}`)}
                    </span>{' '}
                    {t('import.issueRow')} {issue.row}
                    {issue.column && ` ・ ${issue.column}`}
                    {issue.value && (
                      <>
                        {' ・ '}
                        <span className="value">{issue.value}</span>
                      </>
                    )}
                  </p>
                  <p>{issue.message}</p>
                </div>
              </li>
            ))}
          </ul>
          {issues.nextCursor && (
            <button type="button" className="secondary" onClick={() => void issuePages.fetchNextPage()}>
              {t('common.more')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
