import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Field, Loading } from '../../app/ui';
import { communityKeys, useCommunity } from './community-context';
import { type Intent, intents } from './community-model';
import { PersonCardView } from './PersonCardView';

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

const isIntent = (value: string): value is Intent => (intents as readonly string[]).includes(value);
const yearOf = (value: string | null) => (value ? Number(value) : undefined);

/** The directory's query from the URL's filters (a year the server cannot read is refused there). */
function directoryQuery(filters: string) {
  const params = new URLSearchParams(filters);
  const intent = params.get('intent') ?? '';
  return {
    q: params.get('q') ?? undefined,
    hashtag: params.get('hashtag') ?? undefined,
    intent: isIntent(intent) ? intent : undefined,
    company: params.get('company') ?? undefined,
    department: params.get('department') ?? undefined,
    leftFrom: yearOf(params.get('leftFrom')),
    leftTo: yearOf(params.get('leftTo')),
    overlap: params.get('overlap') ? ('1' as const) : undefined,
  };
}

/** The member directory: the query lives in the URL, so a search can be shared and survives going back. */
export function DirectoryPage() {
  const { t } = useI18n();
  const { slug } = useCommunity();
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState(() =>
    Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? ''])),
  );
  const filters = useMemo(() => {
    const query = new URLSearchParams();
    for (const key of filterKeys) {
      const value = params.get(key);
      if (value) query.set(key, value);
    }
    return query.toString();
  }, [params]);
  const directory = useInfiniteQuery({
    queryKey: communityKeys.people(slug, filters),
    queryFn: ({ pageParam, signal }) =>
      call(
        client.GET('/v1/t/{slug}/community/people', {
          params: { path: { slug }, query: { ...directoryQuery(filters), cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const people = directory.data?.pages.flatMap((p) => p.people);
  const error = directory.error;

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
      {!people && !error && <Loading />}
      {people && people.length === 0 && <p className="muted">{t('people.none')}</p>}
      {people && people.length > 0 && (
        <ul className="people" aria-label={t('people.title')}>
          {people.map((person) => (
            <PersonCardView key={person.id} slug={slug} person={person} />
          ))}
        </ul>
      )}
      {directory.hasNextPage && (
        <button
          type="button"
          className="secondary"
          disabled={directory.isFetchingNextPage}
          onClick={() => directory.fetchNextPage()}
        >
          {t('people.more')}
        </button>
      )}
    </section>
  );
}
