import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, call, client, csrfHeader, type Problem } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { encodingLabel, type Import } from './import-model';
import { registryKeys } from './registry-keys';

/** Upload screen and the list of recent imports, any of which can be reopened. */
export function ImportPage() {
  const { t, formatDateTime } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [template, setTemplate] = useState('');
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: registryKeys.imports(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/registry/imports', { params: { path: { slug } }, signal })),
    staleTime: 0,
  });
  const data = list.data;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    const query = new URLSearchParams({ fileName: file.name });
    if (template) query.set('template', template);
    try {
      const response = await fetch(`/api/v1/t/${slug}/registry/imports?${query}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/octet-stream', ...(await csrfHeader()) },
        body: file,
      });
      const body = (await response.json()) as Import | Problem;
      if (!response.ok) throw new ApiError(body as Problem);
      await queryClient.invalidateQueries({ queryKey: registryKeys.imports(slug) });
      navigate(`/t/${slug}/admin/import/${(body as Import).id}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <h2>{t('import.title')}</h2>
      <p className="lead">{t('import.lead')}</p>
      <form className="card" onSubmit={upload}>
        <div className="field">
          <label htmlFor="import-file">{t('import.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
        {data && data.templates.length > 0 && (
          <div className="field">
            <label htmlFor="import-template">{t('import.template')}</label>
            <select
              id="import-template"
              value={template}
              onChange={(event) => setTemplate(event.target.value)}
            >
              <option value="">{t('import.noTemplate')}</option>
              {data.templates.map((tpl) => (
                <option key={tpl.id} value={tpl.name}>
                  {tpl.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={!file || busy}>
          {busy ? t('import.uploading') : t('import.upload')}
        </button>
      </form>
      <h3>{t('import.recent')}</h3>
      <ErrorMessage error={list.error} />
      {list.isPending && <Loading />}
      {data && data.imports.length === 0 && <p className="muted">{t('import.none')}</p>}
      <ul className="list">
        {data?.imports.map((imp) => (
          <li key={imp.id} className="list-row">
            <div>
              <Link to={`/t/${slug}/admin/import/${imp.id}`}>
                <strong>{imp.fileName}</strong>
              </Link>
              <p className="muted small">
                {formatDateTime(imp.createdAt)} ・ {t('import.rows', { count: imp.totalRows })} ・{' '}
                {encodingLabel(t, imp.encoding)}
              </p>
            </div>
            <span className={`badge ${imp.status === 'failed' || imp.status === 'expired' ? 'warn' : ''}`}>
              {t(`import.status.${imp.status}`)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
