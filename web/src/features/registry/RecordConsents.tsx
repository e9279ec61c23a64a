import { useQuery } from '@tanstack/react-query';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages/ja';
import { ErrorMessage, Loading } from '../../app/ui';
import { registryKeys } from './registry-keys';

/** Where a record's consent choices can come from; anything else reads as "other", never as a code. */
const knownSources = new Set(['exit_survey']);
const knownLocales = new Set(['ja', 'en']);

/** The record's consent ledger: each choice the person made outside the app, with the sentence they read. */
export function RecordConsents({ slug, recordId }: { slug: string; recordId: string }) {
  const { t, formatDateTime } = useI18n();
  const { data, error } = useQuery({
    queryKey: registryKeys.consents(slug, recordId),
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/registry/records/{id}/consents', {
          params: { path: { slug, id: recordId } },
          signal,
        }),
      ),
    staleTime: 0,
  });
  return (
    <>
      <h4>{t('recordConsents.title')}</h4>
      {!data ? (
        error ? (
          <ErrorMessage error={error} />
        ) : (
          <Loading />
        )
      ) : data.consents.length === 0 ? (
        <p className="muted">{t('recordConsents.empty')}</p>
      ) : (
        <ol className="timeline">
          {data.consents.map((event) => (
            <li key={event.id}>
              <p className="small muted">
                {formatDateTime(event.at)} ・{' '}
                {t(
                  (knownSources.has(event.source)
                    ? `recordConsents.source.${event.source}`
                    : 'recordConsents.source.other') as MessageKey,
                )}
                {event.surveyTitle && `（${event.surveyTitle}）`}
              </p>
              <p>
                {t(`recordConsents.purpose.${event.purpose}`)}:{' '}
                <strong>{t(event.granted ? 'recordConsents.granted' : 'recordConsents.declined')}</strong>
              </p>
              <details>
                <summary>
                  {t('recordConsents.wording', {
                    language: knownLocales.has(event.locale)
                      ? t(`recordConsents.locale.${event.locale}` as MessageKey)
                      : event.locale,
                    version: event.wordingVersion,
                  })}
                </summary>
                <p className="pre small">{event.wording}</p>
              </details>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
