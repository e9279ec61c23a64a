import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, FormError, Loading, Notice } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import type { AudienceSpec } from '../programmes/AudiencePicker';
import { OpportunityAudiencePicker } from './OpportunityAudiencePicker';
import { OpportunityFacts } from './OpportunityFacts';
import { opportunityKeys, type StaffOpportunity, statuses } from './opportunity-model';
import { Pipeline } from './Pipeline';
import { ReferralList } from './ReferralList';

/** One opportunity in the console: its text, its status, and its pipeline. */
export function AdminOpportunityPage() {
  const { t } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const one = useQuery({
    queryKey: opportunityKeys.staff(slug, id),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/opportunities/{id}', { params: { path: { slug, id } }, signal })),
  });
  const [status, setStatus] = useState<StaffOpportunity['status'] | null>(null);
  const [audience, setAudience] = useState<AudienceSpec | null>(null);
  const save = useMutation({
    mutationFn: (body: { status: StaffOpportunity['status']; audience: AudienceSpec }) =>
      call(
        client.PATCH('/v1/t/{slug}/opportunities/{id}', {
          params: { path: { slug, id } },
          body,
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(opportunityKeys.staff(slug, id), updated);
      queryClient.invalidateQueries({ queryKey: opportunityKeys.staffList(slug) });
      setStatus(null);
      setAudience(null);
    },
  });
  const announce = useMutation({
    mutationFn: () =>
      call(
        client.POST('/v1/t/{slug}/opportunities/{id}/announce', {
          params: { path: { slug, id } },
        }),
      ),
  });
  const item = one.data;
  if (one.error) return <ErrorMessage error={one.error} />;
  if (!item) return <Loading />;
  const chosen = status ?? item.status;
  const chosenAudience = audience ?? item.audience;
  const unchanged = chosen === item.status && audience === null;
  return (
    <section>
      <p>
        <Link to={`/t/${slug}/admin/opportunities`}>← {t('console.opportunities')}</Link>
      </p>
      <h2>{item.title}</h2>
      <p className="small">
        <span className="badge">{t(`opportunity.kind.${item.kind}`)}</span>{' '}
        <span className="badge">{t(`opportunity.status.${item.status}`)}</span>
      </p>
      <OpportunityFacts opportunity={item} />
      {item.returnerTerms && <p className="pre-line">{item.returnerTerms}</p>}
      {item.bodyHtml && (
        // Rendered and sanitised on the server from the posts' Markdown subset (no raw HTML survives).
        // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised allowlist HTML
        <div className="post-body" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
      )}

      <form
        className="card inset"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ status: chosen, audience: chosenAudience });
        }}
      >
        <div className="field">
          <label htmlFor="opportunity-status">{t('oppsAdmin.statusField')}</label>
          <select
            id="opportunity-status"
            value={chosen}
            onChange={(e) => setStatus(e.target.value as StaffOpportunity['status'])}
          >
            {statuses.map((value) => (
              <option key={value} value={value}>
                {t(`opportunity.status.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <OpportunityAudiencePicker slug={slug} value={chosenAudience} onChange={setAudience} />
        <FormError error={save.error} />
        <button type="submit" className="primary" disabled={save.isPending || unchanged}>
          {t('common.save')}
        </button>
      </form>
      {item.status === 'open' && (
        <div className="card inset">
          <h3>{t('oppsAdmin.announce')}</h3>
          <p className="hint">{t('oppsAdmin.announceHint')}</p>
          {announce.data && (
            <Notice>
              {t('oppsAdmin.announced', {
                inApp: announce.data.inApp,
                email: announce.data.email,
                push: announce.data.push,
                invited: announce.data.invited,
              })}
            </Notice>
          )}
          <FormError error={announce.error} />
          <button
            type="button"
            disabled={announce.isPending || audience !== null}
            onClick={() => announce.mutate()}
          >
            {t('oppsAdmin.announceButton')}
          </button>
          {audience !== null && <p className="hint">{t('oppsAdmin.announceSaveFirst')}</p>}
        </div>
      )}
      <h2>{t('oppsAdmin.pipeline')}</h2>
      <p className="muted small">
        {t('oppsAdmin.candidates', { active: item.candidates.active, total: item.candidates.total })}
      </p>
      <Pipeline slug={slug} opportunity={id} />
      <h2>{t('referralsAdmin.title')}</h2>
      <ReferralList slug={slug} id={id} />
    </section>
  );
}

/** The pipeline across every opportunity. */
export function AdminPipelinePage() {
  const { t } = useI18n();
  const { tenant } = useConsoleHome();
  return (
    <section>
      <p>
        <Link to={`/t/${tenant.slug}/admin/opportunities`}>← {t('console.opportunities')}</Link>
      </p>
      <h2>{t('oppsAdmin.allPipeline')}</h2>
      <Pipeline slug={tenant.slug} />
    </section>
  );
}
