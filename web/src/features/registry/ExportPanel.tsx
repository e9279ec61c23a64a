import { type FormEvent, useState } from 'react';
import { ApiError, csrfHeader } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages/ja';
import { ErrorMessage, Notice } from '../../app/ui';
import type { RecordFilter } from './registry-model';

const columns = [
  ['employeeNumber', 'field.employeeNumber'],
  ['fullName', 'field.name'],
  ['fullNameKana', 'field.familyNameKana'],
  ['formerNames', 'field.formerNames'],
  ['email', 'field.emails'],
  ['phone', 'field.phone'],
  ['joinedOn', 'field.joinedOn'],
  ['leftOn', 'field.leftOn'],
  ['lastDepartment', 'field.lastDepartment'],
  ['lastTitle', 'field.lastTitle'],
  ['leaveReason', 'field.leaveReason'],
  ['wouldReturn', 'field.wouldReturn'],
  ['eligibility', 'field.eligibility'],
  ['contactConsent', 'field.contactConsent'],
  ['status', 'field.status'],
  ['hrTags', 'field.hrTags'],
  ['hrNotes', 'field.hrNotes'],
] as const satisfies readonly (readonly [string, MessageKey])[];

type Warning = { employeeNumber: string | null; name: string; column: string; characters: string };

/** Downloads the current filter as CSV; the server picks headers in the reader's language. */
export function ExportPanel({
  slug,
  filter,
  segment,
}: {
  slug: string;
  filter: RecordFilter;
  segment?: string;
}) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string[]>([
    'employeeNumber',
    'fullName',
    'fullNameKana',
    'email',
    'leftOn',
    'lastDepartment',
    'wouldReturn',
    'contactConsent',
  ]);
  const [encoding, setEncoding] = useState<'utf8' | 'cp932'>('utf8');
  const [result, setResult] = useState<{ rows: number; warnings: Warning[] } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setResult(null);
    const response = await fetch(`/api/v1/t/${slug}/registry/export`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', ...(await csrfHeader()) },
      body: JSON.stringify({ filter, ...(segment ? { segment } : {}), columns: chosen, encoding }),
    });
    if (!response.ok) {
      const problem = (await response.json()) as { code: string; title: string; status: number };
      setError(new ApiError(problem));
      return;
    }
    const blob = await response.blob();
    const name =
      /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'alumni.csv';
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    URL.revokeObjectURL(url);
    setResult({
      rows: Number(response.headers.get('x-enishi-rows') ?? 0),
      warnings: JSON.parse(
        decodeURIComponent(response.headers.get('x-enishi-unencodable') ?? '%5B%5D'),
      ) as Warning[],
    });
  };

  return (
    <form className="card inset" onSubmit={submit}>
      <h3>{t('export.title')}</h3>
      <fieldset className="checks">
        <legend>{t('export.columns')}</legend>
        {columns.map(([key, label]) => (
          <label key={key} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(key)}
              onChange={(event) =>
                setChosen(event.target.checked ? [...chosen, key] : chosen.filter((c) => c !== key))
              }
            />
            {key === 'fullNameKana' ? t('import.target.fullNameKana') : t(label)}
          </label>
        ))}
      </fieldset>
      <fieldset className="checks">
        <legend>{t('export.encoding')}</legend>
        {(['utf8', 'cp932'] as const).map((value) => (
          <label key={value} className="check">
            <input
              type="radio"
              name="encoding"
              checked={encoding === value}
              onChange={() => setEncoding(value)}
            />
            {t(value === 'utf8' ? 'export.utf8' : 'export.cp932')}
          </label>
        ))}
      </fieldset>
      <p className="hint">{t('export.audited')}</p>
      <ErrorMessage error={error} />
      {result && <Notice>{t('export.done', { count: result.rows })}</Notice>}
      {result && result.warnings.length > 0 && (
        <div className="alert alert-error" role="alert">
          <p>{t('export.unencodable')}</p>
          <ul>
            {result.warnings.map((w) => (
              <li key={`${w.employeeNumber}-${w.column}`}>
                {w.employeeNumber ?? '—'} {w.name}（{w.column}）: {w.characters}
              </li>
            ))}
          </ul>
        </div>
      )}
      <button type="submit" className="primary" disabled={chosen.length === 0}>
        {t('export.download')}
      </button>
    </form>
  );
}
