import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Field, Loading } from '../../app/ui';
import { useCommunity } from './community-context';
import { intents, type PersonCard } from './community-model';
import { PersonCardView } from './PersonCardView';

type Page = { people: PersonCard[]; nextCursor: string | null };
const filterKeys = [
  'q',
  'hashtag',
  'intent',
  'company',
  'department',
  'leftFrom',
  'leftTo',
  'overlap',
] as const;

/** The member directory: the query lives in the URL, so a search can be shared and survives going back. */
export function DirectoryPage() {
  const { t } = useI18n();
  const { slug } = useCommunity();
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState(() =>
    Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? ''])),
  );
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (cursor?: string) => {
      const query = new URLSearchParams();
      for (const key of filterKeys) {
        const value = params.get(key);
        if (value) query.set(key, value);
      }
      if (cursor) query.set('cursor', cursor);
      const next = await api<Page>('GET', `/t/${slug}/community/people?${query}`);
      setPage((current) =>
        cursor && current ? { ...next, people: [...current.people, ...next.people] } : next,
      );
    },
    [slug, params],
  );
  useEffect(() => {
    setPage(null);
    setError(null);
    load().catch(setError);
  }, [load]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const key of filterKeys) if (draft[key]) next.set(key, draft[key]!);
    setParams(next);
  };
  const set = (key: (typeof filterKeys)[number]) => (value: string) => setDraft({ ...draft, [key]: value });

  return (
    <section>
      <h1>{t('people.title')}</h1>
      <form className="card" onSubmit={search}>
        <Field label={t('people.search')} name="q" type="search" value={draft.q ?? ''} onChange={set('q')} />
        <details>
          <summary>{t('people.filters')}</summary>
          <Field
            label={t('people.hashtag')}
            name="hashtag"
            value={draft.hashtag ?? ''}
            onChange={set('hashtag')}
          />
          <div className="field">
            <label htmlFor="people-intent">{t('people.intent')}</label>
            <select
              id="people-intent"
              value={draft.intent ?? ''}
              onChange={(e) => set('intent')(e.target.value)}
            >
              <option value="">{t('people.anyIntent')}</option>
              {intents.map((intent) => (
                <option key={intent} value={intent}>
                  {t(`intent.${intent}`)}
                </option>
              ))}
            </select>
          </div>
          <Field
            label={t('people.company')}
            name="company"
            value={draft.company ?? ''}
            onChange={set('company')}
          />
          <Field
            label={t('people.department')}
            name="department"
            value={draft.department ?? ''}
            onChange={set('department')}
          />
          <div className="row">
            <Field
              label={t('people.leftFrom')}
              name="leftFrom"
              value={draft.leftFrom ?? ''}
              onChange={set('leftFrom')}
            />
            <Field
              label={t('people.leftTo')}
              name="leftTo"
              value={draft.leftTo ?? ''}
              onChange={set('leftTo')}
            />
          </div>
          <div className="choice">
            <input
              type="checkbox"
              id="people-overlap"
              checked={draft.overlap === '1'}
              aria-describedby="people-overlap-hint"
              onChange={(e) => set('overlap')(e.target.checked ? '1' : '')}
            />
            <label htmlFor="people-overlap">{t('people.overlap')}</label>
            <p className="hint" id="people-overlap-hint">
              {t('people.overlapHint')}
            </p>
          </div>
        </details>
        <button type="submit">{t('people.searchButton')}</button>
      </form>
      <ErrorMessage error={error} />
      {!page && !error && <Loading />}
      {page && page.people.length === 0 && <p className="muted">{t('people.none')}</p>}
      {page && page.people.length > 0 && (
        <ul className="people" aria-label={t('people.title')}>
          {page.people.map((person) => (
            <PersonCardView key={person.id} slug={slug} person={person} />
          ))}
        </ul>
      )}
      {page?.nextCursor && (
        <button type="button" className="secondary" onClick={() => load(page.nextCursor!).catch(setError)}>
          {t('people.more')}
        </button>
      )}
    </section>
  );
}
