import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { call, client, upload } from '../../app/api';
import type { Schemas } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Field, FormError, fieldErrorOf, Loading, Notice } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { AudiencePicker, type AudienceSpec, everyMember } from '../programmes/AudiencePicker';
import { newsKeys } from './news-keys';

type Managed = Schemas['NewsManagedArticle'];
type Picture = NonNullable<Schemas['NewsImage']>;

type Draft = {
  title: string;
  categoryId: string;
  authorKind: 'company' | 'person';
  cover: { id: string; url: string } | null;
  body: string;
  allowComments: boolean;
  allowReactions: boolean;
  audience: AudienceSpec;
};

const emptyDraft: Draft = {
  title: '',
  categoryId: '',
  authorKind: 'company',
  cover: null,
  body: '',
  allowComments: false,
  allowReactions: true,
  audience: everyMember,
};

function draftOf(article: Managed): Draft {
  return {
    title: article.title,
    categoryId: article.category.id,
    authorKind: article.authorKind,
    cover: article.cover ? { id: article.cover.id, url: article.cover.url } : null,
    body: article.body,
    allowComments: article.allowComments,
    allowReactions: article.allowReactions,
    audience: article.audience,
  };
}

/** "2026-12-04T10:00" typed in a datetime-local field, read as Japan time. */
const japanTime = (local: string) => `${local}:00+09:00`;

/** Writing an article: title, category, byline, cover, text with pictures; save, publish now or at a time. */
export function ArticleEditorPage() {
  const { id } = useParams();
  const { t, formatDateTime } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: categories } = useQuery({
    queryKey: newsKeys.categories(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/news/categories', { params: { path: { slug } }, signal })),
  });
  const { data: article, error: loadError } = useQuery({
    queryKey: newsKeys.deskArticle(slug, id ?? ''),
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/news-desk/articles/{id}', {
          params: { path: { slug, id: id ?? '' } },
          signal,
        }),
      ),
    enabled: Boolean(id),
    staleTime: 0,
  });
  const [draft, setDraft] = useState<Draft | null>(id ? null : emptyDraft);
  useEffect(() => {
    if (article) setDraft(draftOf(article));
  }, [article]);
  useEffect(() => {
    const first = categories?.categories[0];
    if (first && draft && !draft.categoryId) setDraft({ ...draft, categoryId: first.id });
  }, [categories, draft]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [publishAt, setPublishAt] = useState('');
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  if (loadError) return <ErrorMessage error={loadError} />;
  if (!draft || !categories) return <Loading />;

  const set = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });
  const values = {
    title: draft.title,
    body: draft.body,
    categoryId: draft.categoryId,
    coverImageId: draft.cover?.id ?? null,
    authorKind: draft.authorKind,
    allowComments: draft.allowComments,
    allowReactions: draft.allowReactions,
    audience: draft.audience,
  };
  const refresh = async (saved: Managed) => {
    queryClient.setQueryData(newsKeys.deskArticle(slug, saved.id), saved);
    await queryClient.invalidateQueries({ queryKey: newsKeys.desk(slug) });
    await queryClient.invalidateQueries({ queryKey: newsKeys.all(slug) });
  };
  /** Saves what is on screen; a new article becomes a draft with its own address. */
  const save = async (): Promise<Managed> => {
    const saved = id
      ? await call(
          client.PATCH('/v1/t/{slug}/news-desk/articles/{id}', {
            params: { path: { slug, id } },
            body: values,
          }),
        )
      : await call(
          client.POST('/v1/t/{slug}/news-desk/articles', { params: { path: { slug } }, body: values }),
        );
    await refresh(saved);
    return saved;
  };
  const run = async (work: () => Promise<string>) => {
    setError(null);
    setNotice('');
    try {
      setNotice(await work());
    } catch (caught) {
      setError(caught);
    }
  };
  const onSave = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      const saved = await save();
      if (!id) navigate(`/t/${slug}/admin/news/${saved.id}`, { replace: true });
      return t('editor.saved');
    });
  };
  const publishNow = () =>
    run(async () => {
      const saved = await save();
      const done = await call(
        client.POST('/v1/t/{slug}/news-desk/articles/{id}/publish', {
          params: { path: { slug, id: saved.id } },
        }),
      );
      await refresh(done);
      if (!id) navigate(`/t/${slug}/admin/news/${saved.id}`, { replace: true });
      return t('editor.published');
    });
  const schedule = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      const saved = await save();
      const done = await call(
        client.PUT('/v1/t/{slug}/news-desk/articles/{id}/schedule', {
          params: { path: { slug, id: saved.id } },
          body: { publishAt: publishAt ? japanTime(publishAt) : '' },
        }),
      );
      await refresh(done);
      if (!id) navigate(`/t/${slug}/admin/news/${saved.id}`, { replace: true });
      return t('editor.scheduled', { time: formatDateTime(done.publishAt ?? '') });
    });
  };
  const unschedule = () =>
    run(async () => {
      if (!id) return '';
      const done = await call(
        client.DELETE('/v1/t/{slug}/news-desk/articles/{id}/schedule', { params: { path: { slug, id } } }),
      );
      await refresh(done);
      return t('editor.saved');
    });
  const remove = () => {
    if (!id || !window.confirm(t('editor.confirmDelete', { title: draft.title }))) return;
    run(async () => {
      await call(client.DELETE('/v1/t/{slug}/news-desk/articles/{id}', { params: { path: { slug, id } } }));
      await queryClient.invalidateQueries({ queryKey: newsKeys.desk(slug) });
      navigate(`/t/${slug}/admin/news`, { replace: true });
      return '';
    });
  };
  const uploadPicture = async (file: File): Promise<Picture> =>
    upload<Picture>('POST', `/t/${slug}/news-desk/images`, file);
  const chooseCover = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    run(async () => {
      const picture = await uploadPicture(file);
      set({ cover: { id: picture.id, url: picture.url } });
      return '';
    });
  };
  const insertPicture = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    run(async () => {
      const picture = await uploadPicture(file);
      const at = bodyRef.current?.selectionStart ?? draft.body.length;
      const line = `\n![${t('editor.pictureAlt')}](image:${picture.id})\n`;
      set({ body: `${draft.body.slice(0, at)}${line}${draft.body.slice(at)}` });
      return '';
    });
  };
  const status = article?.status ?? 'draft';

  return (
    <section aria-labelledby="editor-title">
      <p>
        <Link to={`/t/${slug}/admin/news`}>← {t('desk.back')}</Link>
      </p>
      <h2 id="editor-title">{id ? t('editor.editTitle') : t('editor.newTitle')}</h2>
      {article && (
        <p className="small muted">
          <span className="badge">{t(`desk.status.${status}`)}</span>{' '}
          {status === 'scheduled' &&
            article.publishAt &&
            t('desk.scheduledFor', { time: formatDateTime(article.publishAt) })}
          {status === 'published' && t('editor.readCount', { count: article.readCount })}
        </p>
      )}
      {notice && <Notice>{notice}</Notice>}
      <form onSubmit={onSave} noValidate>
        <Field
          label={t('editor.title')}
          name="title"
          value={draft.title}
          onChange={(title) => set({ title })}
          error={fieldErrorOf(error, 'title')}
          required
        />
        <div className="field">
          <label htmlFor="article-category">{t('editor.category')}</label>
          <select
            id="article-category"
            value={draft.categoryId}
            onChange={(e) => set({ categoryId: e.target.value })}
          >
            {categories.categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field">
          <legend>{t('editor.author')}</legend>
          {(['company', 'person'] as const).map((kind) => (
            <label key={kind} className="choice">
              <input
                type="radio"
                name="authorKind"
                checked={draft.authorKind === kind}
                onChange={() => set({ authorKind: kind })}
              />{' '}
              {t(`editor.author.${kind}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <span id="cover-label">{t('editor.cover')}</span>
          {draft.cover && <img src={draft.cover.url} alt="" className="news-cover" />}
          <label className="button">
            {t('editor.coverChoose')}
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              className="visually-hidden"
              onChange={chooseCover}
            />
          </label>
          {draft.cover && (
            <button type="button" className="link-button" onClick={() => set({ cover: null })}>
              {t('editor.coverRemove')}
            </button>
          )}
        </div>
        <div className="field">
          <label htmlFor="article-body">{t('editor.body')}</label>
          <textarea
            id="article-body"
            ref={bodyRef}
            rows={12}
            value={draft.body}
            maxLength={20000}
            aria-describedby="article-body-hint"
            onChange={(e) => set({ body: e.target.value })}
          />
          <p className="hint" id="article-body-hint">
            {t('editor.bodyHint')}
          </p>
          <label className="button">
            {t('editor.insertPicture')}
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              className="visually-hidden"
              onChange={insertPicture}
            />
          </label>
        </div>
        <AudiencePicker
          slug={slug}
          value={draft.audience}
          onChange={(audience) => set({ audience })}
          purpose="company_news"
          channel="inApp"
          kind="news_published"
        />
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.allowReactions}
            onChange={(e) => set({ allowReactions: e.target.checked })}
          />{' '}
          {t('editor.allowReactions')}
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.allowComments}
            onChange={(e) => set({ allowComments: e.target.checked })}
          />{' '}
          {t('editor.allowComments')}
        </label>
        <FormError error={error} />
        <div className="actions">
          <button type="submit">
            {status === 'draft' && !id ? t('editor.save') : t('editor.saveChanges')}
          </button>
          {status !== 'published' && (
            <button type="button" className="primary" onClick={publishNow}>
              {t('editor.publishNow')}
            </button>
          )}
        </div>
      </form>
      {status !== 'published' && (
        <form className="card inset" onSubmit={schedule}>
          <h3>{t('editor.schedule')}</h3>
          <div className="field">
            <label htmlFor="article-publish-at">{t('editor.scheduleAt')}</label>
            <input
              id="article-publish-at"
              type="datetime-local"
              value={publishAt}
              onChange={(e) => setPublishAt(e.target.value)}
              aria-invalid={fieldErrorOf(error, 'publishAt') ? true : undefined}
            />
            {fieldErrorOf(error, 'publishAt') && (
              <p className="field-error">{fieldErrorOf(error, 'publishAt')}</p>
            )}
          </div>
          <div className="toolbar">
            <button type="submit">{t('editor.scheduleButton')}</button>
            {status === 'scheduled' && (
              <button type="button" onClick={unschedule}>
                {t('editor.unschedule')}
              </button>
            )}
          </div>
        </form>
      )}
      {id && (
        <p>
          <button type="button" className="danger" onClick={remove}>
            {t('editor.delete')}
          </button>
        </p>
      )}
    </section>
  );
}
