import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Field, FormError, fieldErrorOf, Loading, Notice } from '../../app/ui';
import { useCommunity } from '../community/community-context';
import { InterestFileInput, sendable } from './InterestFileInput';
import { uploadInterestFile } from './interest-file';
import { OpportunityFacts } from './OpportunityFacts';
import { OwnInterestFile } from './OwnInterestFile';
import { opportunityKeys } from './opportunity-model';
import { ReferForm } from './ReferForm';

/** One opportunity: its text and facts, and my 「興味あり」 (with an optional message and link) or its withdrawal. */
export function OpportunityPage() {
  const { t } = useI18n();
  const { slug } = useCommunity();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ message: '', link: '' });
  const [pdf, setPdf] = useState<File | null>(null);
  const key = opportunityKeys.member(slug, id);
  const one = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/community/opportunities/{id}', { params: { path: { slug, id } }, signal }),
      ),
  });
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: opportunityKeys.memberAll(slug) });
  };
  // The answer first, then its PDF: a file is attached to an answer. Should the upload still fail,
  // the answer stands and the page offers to attach the file again.
  const interest = useMutation({
    mutationFn: async () => {
      const answer = await call(
        client.PUT('/v1/t/{slug}/community/opportunities/{id}/interest', {
          params: { path: { slug, id } },
          body: { message: form.message, ...(form.link.trim() ? { link: form.link } : {}) },
        }),
      );
      if (pdf) await uploadInterestFile(slug, id, pdf);
      return answer;
    },
    onSettled: refresh,
  });
  const withdraw = useMutation({
    mutationFn: () =>
      call(
        client.DELETE('/v1/t/{slug}/community/opportunities/{id}/interest', {
          params: { path: { slug, id } },
        }),
      ),
    onSuccess: refresh,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    withdraw.reset();
    if (sendable(pdf)) interest.mutate();
  };
  const item = one.data;
  if (one.error) return <ErrorMessage error={one.error} />;
  if (!item) return <Loading />;
  const mine = item.interest;
  return (
    <article>
      <p>
        <Link to={`/t/${slug}/opportunities`}>← {t('opportunities.back')}</Link>
      </p>
      <h1>{item.title}</h1>
      <p className="small">
        <span className="badge">{t(`opportunity.kind.${item.kind}`)}</span>
        {item.closingSoon && <span className="badge warn">{t('opportunity.closingSoon')}</span>}
      </p>
      <OpportunityFacts opportunity={item} />
      {item.returnerTerms && (
        <>
          <h2>{t('opportunity.returnerTermsShort')}</h2>
          <p className="pre-line">{item.returnerTerms}</p>
        </>
      )}
      {item.bodyHtml && (
        // Rendered and sanitised on the server from the posts' Markdown subset (no raw HTML survives).
        // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised allowlist HTML
        <div className="post-body" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
      )}
      {mine?.sharedStatus && (
        <div className="card">
          <h2>{t('opportunities.sharedStatus')}</h2>
          <p>{mine.sharedStatus}</p>
        </div>
      )}
      {mine?.status === 'interested' ? (
        <div className="card">
          <Notice>{t('opportunities.interestedDone')}</Notice>
          <ErrorMessage error={interest.error} />
          <OwnInterestFile slug={slug} id={id} file={mine.file} onChanged={refresh} />
          <ErrorMessage error={withdraw.error} />
          <button
            type="button"
            className="danger"
            disabled={withdraw.isPending}
            onClick={() => withdraw.mutate()}
          >
            {t('opportunities.withdraw')}
          </button>
        </div>
      ) : !item.acceptsResponses ? (
        <Notice>{t('opportunities.closedNotice')}</Notice>
      ) : (
        <form className="card" onSubmit={submit} noValidate>
          {mine?.status === 'withdrawn' && <p className="muted">{t('opportunities.withdrawn')}</p>}
          <div className="field">
            <label htmlFor="interest-message">{t('opportunities.message')}</label>
            <textarea
              id="interest-message"
              rows={3}
              maxLength={1000}
              value={form.message}
              onChange={(e) => setForm({ ...form, message: e.target.value })}
            />
          </div>
          <Field
            label={t('opportunities.link')}
            name="link"
            type="url"
            value={form.link}
            onChange={(link) => setForm({ ...form, link })}
            error={fieldErrorOf(interest.error, 'link')}
          />
          <InterestFileInput file={pdf} onChange={setPdf} />
          <p className="hint">{t('opportunities.interestHint')}</p>
          <FormError error={interest.error} />
          <button type="submit" className="primary" disabled={interest.isPending}>
            {t('opportunities.interested')}
          </button>
        </form>
      )}
      {item.acceptsResponses && <ReferForm slug={slug} id={id} />}
    </article>
  );
}
