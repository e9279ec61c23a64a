import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { call, client } from '../../../app/api';
import type { Schemas } from '../../../app/api/types';
import { useI18n } from '../../../app/i18n';
import { ErrorMessage, Field, FormError, fieldErrorOf, Loading, Notice } from '../../../app/ui';
import { useConsoleHome } from '../../admin/AdminLayout';
import { AudiencePicker, type AudienceSpec, everyMember } from '../../programmes/AudiencePicker';
import { newsKeys } from '../news-keys';
import { NewsletterSendPanel } from './NewsletterSendPanel';
import { CampaignStatus } from './NewslettersPage';
import { inFlight, newsletterKeys, SENDING_REFRESH_MS } from './newsletter-keys';
import { SenderNotice, useSenderReady } from './SenderNotice';
import { SentCampaign } from './SentCampaign';

type Campaign = Schemas['Newsletter'];
type Draft = { subject: string; intro: string; articleIds: string[]; audience: AudienceSpec };

const emptyDraft: Draft = { subject: '', intro: '', articleIds: [], audience: everyMember };
const draftOf = (campaign: Campaign): Draft => ({
  subject: campaign.subject,
  intro: campaign.intro,
  articleIds: campaign.articles.map((article) => article.id),
  audience: campaign.audience,
});
const sameDraft = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);

/** Writing a newsletter (subject, own text, published articles, audience), then testing and sending it. */
export function NewsletterEditorPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const senderReady = useSenderReady(slug);
  const { data: campaign, error: loadError } = useQuery({
    queryKey: newsletterKeys.one(slug, id ?? ''),
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/news-desk/newsletters/{id}', {
          params: { path: { slug, id: id ?? '' } },
          signal,
        }),
      ),
    enabled: Boolean(id),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && inFlight(query.state.data) ? SENDING_REFRESH_MS : false),
  });
  const { data: desk } = useQuery({
    queryKey: newsKeys.desk(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/news-desk/articles', { params: { path: { slug } }, signal })),
  });
  const [draft, setDraft] = useState<Draft | null>(id ? null : emptyDraft);
  useEffect(() => {
    if (campaign) setDraft(draftOf(campaign));
  }, [campaign]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  if (loadError) return <ErrorMessage error={loadError} />;
  if (!draft || (id && !campaign)) return <Loading />;

  const set = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });
  const published = desk?.articles.filter((article) => article.status === 'published') ?? [];
  const toggle = (articleId: string, on: boolean) =>
    set({
      articleIds: on
        ? published.map((a) => a.id).filter((a) => a === articleId || draft.articleIds.includes(a))
        : draft.articleIds.filter((a) => a !== articleId),
    });
  const refresh = async (saved: Campaign) => {
    queryClient.setQueryData(newsletterKeys.one(slug, saved.id), saved);
    await queryClient.invalidateQueries({ queryKey: newsletterKeys.list(slug), exact: true });
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNotice('');
    try {
      const saved = id
        ? await call(
            client.PATCH('/v1/t/{slug}/news-desk/newsletters/{id}', {
              params: { path: { slug, id } },
              body: draft,
            }),
          )
        : await call(
            client.POST('/v1/t/{slug}/news-desk/newsletters', { params: { path: { slug } }, body: draft }),
          );
      await refresh(saved);
      setNotice(t('newsletters.saved'));
      if (!id) navigate(`/t/${slug}/admin/news/newsletters/${saved.id}`, { replace: true });
    } catch (caught) {
      setError(caught);
    }
  };
  const editable = !campaign || campaign.status === 'draft';
  const dirty = campaign ? !sameDraft(draft, draftOf(campaign)) : true;

  return (
    <section aria-labelledby="newsletter-title">
      <p>
        <Link to={`/t/${slug}/admin/news/newsletters`}>← {t('newsletters.back')}</Link>
      </p>
      <h2 id="newsletter-title">
        {campaign ? (editable ? t('newsletters.editTitle') : campaign.subject) : t('newsletters.newTitle')}
      </h2>
      {campaign && (
        <p className="small muted">
          <CampaignStatus campaign={campaign} />
        </p>
      )}
      <SenderNotice ready={senderReady} />
      {notice && <Notice>{notice}</Notice>}
      {editable ? (
        <form onSubmit={save} noValidate>
          <Field
            label={t('newsletters.subject')}
            name="subject"
            value={draft.subject}
            onChange={(subject) => set({ subject })}
            error={fieldErrorOf(error, 'subject')}
            required
          />
          <div className="field">
            <label htmlFor="newsletter-intro">{t('newsletters.intro')}</label>
            <textarea
              id="newsletter-intro"
              rows={8}
              value={draft.intro}
              maxLength={5000}
              aria-describedby="newsletter-intro-hint"
              onChange={(e) => set({ intro: e.target.value })}
            />
            <p className="hint" id="newsletter-intro-hint">
              {t('newsletters.introHint')}
            </p>
          </div>
          <fieldset className="field newsletter-articles">
            <legend>{t('newsletters.articles')}</legend>
            {desk && published.length === 0 && <p className="hint">{t('newsletters.noArticles')}</p>}
            {published.map((article) => (
              <div key={article.id} className="choice">
                <input
                  type="checkbox"
                  id={`newsletter-article-${article.id}`}
                  checked={draft.articleIds.includes(article.id)}
                  onChange={(e) => toggle(article.id, e.target.checked)}
                />
                <label htmlFor={`newsletter-article-${article.id}`}>{article.title}</label>
              </div>
            ))}
            {fieldErrorOf(error, 'articleIds') && (
              <p className="field-error">{fieldErrorOf(error, 'articleIds')}</p>
            )}
          </fieldset>
          <AudiencePicker
            slug={slug}
            value={draft.audience}
            onChange={(audience) => set({ audience })}
            purpose="company_news"
            channel="email"
            offerRecords
          />
          <FormError error={error} />
          <button type="submit" className="primary">
            {t('newsletters.save')}
          </button>
        </form>
      ) : (
        campaign && <SentCampaign slug={slug} campaign={campaign} />
      )}
      {campaign && (
        <NewsletterSendPanel
          slug={slug}
          campaign={campaign}
          unsaved={editable && dirty}
          senderReady={senderReady === true}
          onChanged={refresh}
        />
      )}
    </section>
  );
}
