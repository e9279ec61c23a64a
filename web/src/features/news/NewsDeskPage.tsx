import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Field, FormError, fieldErrorOf, Loading } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { newsKeys } from './news-keys';

/** The console's お知らせ: every article with its state and unique readers, and the categories. */
export function NewsDeskPage() {
  const { t, formatDateTime } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const { data, error } = useQuery({
    queryKey: newsKeys.desk(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/news-desk/articles', { params: { path: { slug } }, signal })),
    staleTime: 0,
  });
  return (
    <section aria-labelledby="desk-title">
      <h2 id="desk-title">{t('desk.title')}</h2>
      <p className="lead">{t('desk.lead')}</p>
      <p>
        <Link className="button primary" to={`/t/${slug}/admin/news/new`}>
          {t('desk.new')}
        </Link>{' '}
        <Link className="button" to={`/t/${slug}/admin/news/newsletters`}>
          {t('newsletters.title')}
        </Link>
      </p>
      <ErrorMessage error={error} />
      {!data && !error && <Loading />}
      {data && data.articles.length === 0 && <p className="muted">{t('desk.empty')}</p>}
      <ul className="list">
        {data?.articles.map((article) => (
          <li key={article.id} className="list-row">
            <div>
              <Link to={`/t/${slug}/admin/news/${article.id}`}>
                <strong>{article.title}</strong>
              </Link>
              <p className="small muted">
                <span className={`badge${article.status === 'published' ? '' : ' subtle'}`}>
                  {t(`desk.status.${article.status}`)}
                </span>{' '}
                {article.category.name}
                {article.status === 'scheduled' &&
                  article.publishAt &&
                  ` ・ ${t('desk.scheduledFor', { time: formatDateTime(article.publishAt) })}`}
                {article.status === 'published' && ` ・ ${t('desk.readCount', { count: article.readCount })}`}
              </p>
            </div>
          </li>
        ))}
      </ul>
      <CategoriesEditor slug={slug} />
    </section>
  );
}

function CategoriesEditor({ slug }: { slug: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: newsKeys.deskCategories(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/news-desk/categories', { params: { path: { slug } }, signal })),
  });
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; from: string; name: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: newsKeys.deskCategories(slug) }),
      queryClient.invalidateQueries({ queryKey: newsKeys.categories(slug) }),
    ]);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await call(
        client.POST('/v1/t/{slug}/news-desk/categories', { params: { path: { slug } }, body: { name } }),
      );
      setName('');
      await refresh();
    } catch (caught) {
      setError(caught);
    }
  };
  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (!renaming) return;
    setError(null);
    try {
      await call(
        client.PATCH('/v1/t/{slug}/news-desk/categories/{id}', {
          params: { path: { slug, id: renaming.id } },
          body: { name: renaming.name },
        }),
      );
      setRenaming(null);
      await refresh();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section className="card inset" aria-labelledby="desk-categories">
      <h3 id="desk-categories">{t('desk.categories')}</h3>
      <ul className="list">
        {data?.categories.map((category) => (
          <li key={category.id} className="list-row">
            <span>
              {category.name}{' '}
              <span className="small muted">{t('desk.categoryCount', { count: category.articleCount })}</span>
            </span>
            <button
              type="button"
              className="link-button"
              aria-label={t('desk.renameOf', { name: category.name })}
              onClick={() => setRenaming({ id: category.id, from: category.name, name: category.name })}
            >
              {t('desk.rename')}
            </button>
          </li>
        ))}
      </ul>
      {renaming && (
        <form onSubmit={rename} noValidate>
          <Field
            label={t('desk.renameOf', { name: renaming.from })}
            name="rename"
            value={renaming.name}
            onChange={(next) => setRenaming({ ...renaming, name: next })}
            error={fieldErrorOf(error, 'name')}
            required
          />
          <div className="toolbar">
            <button type="submit" className="primary">
              {t('common.save')}
            </button>
            <button type="button" onClick={() => setRenaming(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <form onSubmit={add} noValidate>
        <Field
          label={t('desk.categoryName')}
          name="category"
          value={name}
          onChange={setName}
          error={renaming ? undefined : fieldErrorOf(error, 'name')}
          required
        />
        <FormError error={error} />
        <button type="submit">{t('desk.addCategory')}</button>
      </form>
    </section>
  );
}
