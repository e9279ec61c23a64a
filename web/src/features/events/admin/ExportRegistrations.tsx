import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { ErrorMessage, Notice } from '../../../app/ui';
import { SelectField } from './form-controls';

type Encoding = 'utf8' | 'cp932';

/** The registrations with answers as a CSV file (UTF-8 with BOM or CP932; the server keeps it formula-safe). */
export function ExportRegistrations(props: { slug: string; eventId: string }) {
  const { t } = useI18n();
  const [encoding, setEncoding] = useState<Encoding>('utf8');
  const [error, setError] = useState<unknown>(null);
  const [rows, setRows] = useState<number | null>(null);
  const submit = async (submitted: FormEvent) => {
    submitted.preventDefault();
    setError(null);
    setRows(null);
    try {
      const response = await fetch(
        `/api/v1/t/${props.slug}/events/${props.eventId}/registrations/export?encoding=${encoding}`,
        { credentials: 'same-origin' },
      );
      if (!response.ok) {
        const problem = (await response.json()) as { code: string; title: string; status: number };
        setError(new ApiError(problem));
        return;
      }
      const blob = await response.blob();
      const name =
        /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
        'event-registrations.csv';
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      URL.revokeObjectURL(url);
      setRows(Number(response.headers.get('x-enishi-rows') ?? 0));
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form className="card inset" onSubmit={submit} aria-labelledby="event-export-title">
      <h3 id="event-export-title">{t('eventsConsole.export.title')}</h3>
      <SelectField
        label={t('eventsConsole.export.encoding')}
        value={encoding}
        onChange={(value) => setEncoding(value as Encoding)}
      >
        <option value="utf8">{t('eventsConsole.export.utf8')}</option>
        <option value="cp932">{t('eventsConsole.export.cp932')}</option>
      </SelectField>
      <ErrorMessage error={error} />
      {rows !== null && <Notice>{t('eventsConsole.export.done', { rows })}</Notice>}
      <button type="submit">{t('eventsConsole.export.submit')}</button>
    </form>
  );
}
