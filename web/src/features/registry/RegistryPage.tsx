import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { call, client } from '../../app/api';
import { useDeskWidth } from '../../app/desk';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Notice } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { ColumnChooser } from './ColumnChooser';
import { ExportPanel } from './ExportPanel';
import { RecordCards } from './RecordCards';
import { RegistryFilters, type Sort } from './RegistryFilters';
import { RegistryTable } from './RegistryTable';
import { columnsStorageKey, type RegistryColumn, readColumns } from './registry-columns';
import { registryKeys } from './registry-keys';
import {
  compactFilter,
  filterFromParams,
  filterParams,
  type InviteSelection,
  type RecordFilter,
} from './registry-model';

export function RegistryPage() {
  const { t, locale } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const sort = (params.get('sort') as Sort | null) ?? 'reading';
  const segment = params.get('segment') ?? '';
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [tag, setTag] = useState('');
  const [segmentName, setSegmentName] = useState('');
  const [panel, setPanel] = useState<'none' | 'export' | 'segment' | 'selection'>('none');
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setError] = useState<unknown>(null);
  const [search, setSearch] = useState(filter.q ?? '');
  const desk = useDeskWidth();
  const [columns, setColumns] = useState<RegistryColumn[]>(() =>
    readColumns(window.localStorage.getItem(columnsStorageKey)),
  );
  const chooseColumns = (next: RegistryColumn[]) => {
    setColumns(next);
    window.localStorage.setItem(columnsStorageKey, JSON.stringify(next));
  };

  const setFilter = (next: RecordFilter, extra: Record<string, string> = {}) => {
    const query = filterParams(compactFilter(next));
    if (sort !== 'reading') query.set('sort', sort);
    if (segment) query.set('segment', segment);
    for (const [k, v] of Object.entries(extra)) {
      if (v) query.set(k, v);
      else query.delete(k);
    }
    setParams(query, { replace: true });
    // A new search or filter starts with nothing selected.
    setSelected(new Set());
  };

  const listKey = useMemo(() => {
    const query = filterParams(filter);
    query.set('sort', sort);
    if (segment) query.set('segment', segment);
    return query.toString();
  }, [filter, sort, segment]);
  const pages = useInfiniteQuery({
    queryKey: registryKeys.recordList(slug, listKey),
    queryFn: ({ pageParam, signal }) =>
      call(
        client.GET('/v1/t/{slug}/registry/records', {
          params: {
            path: { slug },
            query: {
              ...filter,
              sort,
              limit: 50,
              ...(segment ? { segment } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
    // While the next search is on its way the previous answer stays on screen.
    placeholderData: keepPreviousData,
  });
  const page = pages.data
    ? {
        records: pages.data.pages.flatMap((p) => p.records),
        total: pages.data.pages[0]?.total ?? 0,
        nextCursor: pages.data.pages.at(-1)?.nextCursor ?? null,
      }
    : null;
  const segmentList = useQuery({
    queryKey: registryKeys.segments(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/registry/segments', { params: { path: { slug } }, signal })),
  });
  const segments = segmentList.data?.segments ?? [];
  const error = actionError ?? pages.error ?? segmentList.error;
  // Search as the person types, without a request per keystroke.
  useEffect(() => {
    if ((filter.q ?? '') === search) return;
    const timer = window.setTimeout(() => setFilter({ ...filter, q: search }), 250);
    return () => window.clearTimeout(timer);
  });

  const bulk = async (action: 'tag' | 'untag' | 'exclude') => {
    setNotice(null);
    if (action === 'exclude' && !window.confirm(t('registry.bulkExcludeConfirm', { count: selected.size })))
      return;
    try {
      const result = await call(
        client.POST('/v1/t/{slug}/registry/records/bulk', {
          params: { path: { slug } },
          body: { ids: [...selected], action, ...(action === 'exclude' ? {} : { tag }) },
        }),
      );
      setNotice(t('registry.bulkDone', { changed: result.changed }));
      await queryClient.invalidateQueries({ queryKey: registryKeys.records(slug) });
    } catch (caught) {
      setError(caught);
    }
  };

  const saveSegment = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const saved = await call(
        client.POST('/v1/t/{slug}/registry/segments', {
          params: { path: { slug } },
          body: { name: segmentName, filter },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: registryKeys.segments(slug) });
      setNotice(t('registry.segmentSaved', { name: saved.name, count: saved.count }));
      setPanel('none');
      setSegmentName('');
    } catch (caught) {
      setError(caught);
    }
  };

  const invite = (selection: InviteSelection) => navigate(`/t/${slug}/admin/invite`, { state: selection });

  return (
    <section className="wide">
      <div className="section-head">
        <h2>{t('console.registry')}</h2>
        <div className="actions">
          <Link className="button secondary" to={`/t/${slug}/admin/registry/new`}>
            {t('registry.new')}
          </Link>
          <Link className="button secondary" to={`/t/${slug}/admin/import`}>
            {t('console.import')}
          </Link>
        </div>
      </div>
      {notice && <Notice>{notice}</Notice>}
      <ErrorMessage error={error} />
      <div className="field">
        <label htmlFor="registry-search">{t('registry.search')}</label>
        <input
          id="registry-search"
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          aria-describedby="registry-search-hint"
        />
        <p className="hint" id="registry-search-hint">
          {t('registry.searchHint')}
        </p>
      </div>
      <RegistryFilters
        filter={filter}
        sort={sort}
        segment={segment}
        segments={segments}
        setFilter={setFilter}
      />

      <div className="toolbar">
        <span className="muted" aria-live="polite">
          {page ? t('registry.total', { count: page.total.toLocaleString(locale) }) : ''}
        </span>
        <button
          type="button"
          className="link-button"
          onClick={() => setPanel(panel === 'segment' ? 'none' : 'segment')}
        >
          {t('registry.saveSegment')}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => setPanel(panel === 'export' ? 'none' : 'export')}
        >
          {t('registry.export')}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => invite(segment ? { segment, filter } : { filter })}
          disabled={!page || page.total === 0}
        >
          {t('registry.bulkInvite')}
        </button>
      </div>
      {panel === 'segment' && (
        <form className="card inset" onSubmit={saveSegment}>
          <div className="field">
            <label htmlFor="segment-name">{t('registry.segmentName')}</label>
            <input
              id="segment-name"
              value={segmentName}
              required
              onChange={(event) => setSegmentName(event.target.value)}
            />
          </div>
          <button type="submit" className="primary">
            {t('common.save')}
          </button>
        </form>
      )}
      {panel === 'export' && <ExportPanel slug={slug} filter={filter} segment={segment || undefined} />}

      {selected.size > 0 && (
        <section className="bulk-bar" aria-label={t('registry.selected', { count: selected.size })}>
          <strong>{t('registry.selected', { count: selected.size })}</strong>
          <div className="field inline">
            <label htmlFor="bulk-tag">{t('registry.tagName')}</label>
            <input id="bulk-tag" value={tag} onChange={(event) => setTag(event.target.value)} />
          </div>
          <button type="button" className="secondary" disabled={!tag.trim()} onClick={() => bulk('tag')}>
            {t('registry.bulkTag')}
          </button>
          <button type="button" className="secondary" disabled={!tag.trim()} onClick={() => bulk('untag')}>
            {t('registry.bulkUntag')}
          </button>
          <button type="button" className="secondary" onClick={() => setPanel('selection')}>
            {t('registry.export')}
          </button>
          <button type="button" className="primary" onClick={() => invite({ recordIds: [...selected] })}>
            {t('registry.bulkInvite')}
          </button>
          <button type="button" className="danger" onClick={() => bulk('exclude')}>
            {t('registry.bulkExclude')}
          </button>
        </section>
      )}

      {panel === 'selection' && selected.size > 0 && (
        <ExportPanel slug={slug} filter={{ ids: [...selected] }} />
      )}
      {page && page.records.length === 0 && <p className="muted">{t('registry.empty')}</p>}
      {page && page.records.length > 0 && desk && (
        <>
          <ColumnChooser columns={columns} onChange={chooseColumns} />
          <RegistryTable
            slug={slug}
            records={page.records}
            total={page.total}
            columns={columns}
            sort={sort}
            onSort={(next) => setFilter(filter, { sort: next === 'reading' ? '' : next })}
            selected={selected}
            onSelect={setSelected}
          />
        </>
      )}
      {page && page.records.length > 0 && !desk && (
        <RecordCards slug={slug} records={page.records} selected={selected} onSelect={setSelected} />
      )}
      {page?.nextCursor && (
        <button
          type="button"
          className="secondary"
          disabled={pages.isFetchingNextPage}
          onClick={() => void pages.fetchNextPage()}
        >
          {t('common.more')}
        </button>
      )}
    </section>
  );
}
