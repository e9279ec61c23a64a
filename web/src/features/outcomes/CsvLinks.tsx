import { useI18n } from '../../app/i18n';

/** A section's CSV downloads for exactly the figures on screen; the server logs each one. */
export function CsvLinks({ href, query }: { href: string; query: Record<string, string> }) {
  const { t } = useI18n();
  const url = (encoding: 'utf8' | 'cp932') => `${href}?${new URLSearchParams({ ...query, encoding })}`;
  return (
    <p className="small">
      <a href={url('utf8')} download>
        {t('outcomes.csv')}
      </a>
      {' ・ '}
      <a href={url('cp932')} download>
        {t('outcomes.csvSjis')}
      </a>
    </p>
  );
}
