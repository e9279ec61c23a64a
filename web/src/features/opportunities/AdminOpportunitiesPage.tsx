import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { call, client } from '../../app/api';
import type { RequestOf } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Field, FormError, fieldErrorOf, Loading } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { everyMember } from '../programmes/AudiencePicker';
import { OpportunityAudiencePicker } from './OpportunityAudiencePicker';
import { kinds, type OpportunityKind, opportunityKeys, statuses } from './opportunity-model';

type NewOpportunity = RequestOf<'/v1/t/{slug}/opportunities', 'post'>;
const emptyForm = {
  kind: 'comeback' as OpportunityKind,
  title: '',
  body: '',
  contactName: '',
  closesOn: '',
  status: 'draft' as NewOpportunity['status'] & string,
  team: '',
  location: '',
  payRange: '',
  returnerTerms: '',
  duration: '',
  budget: '',
  audience: everyMember,
};

/** The console's 機会: every opportunity with its candidates counted, and a form to create one. */
export function AdminOpportunitiesPage() {
  const { t } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(emptyForm);
  const list = useQuery({
    queryKey: opportunityKeys.staffList(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/opportunities', { params: { path: { slug } }, signal })),
  });
  const create = useMutation({
    mutationFn: () => {
      const { closesOn, ...fields } = form;
      const body: NewOpportunity = { ...fields, closesOn: closesOn || null };
      return call(client.POST('/v1/t/{slug}/opportunities', { params: { path: { slug } }, body }));
    },
    onSuccess: (created) => {
      queryClient.invalidateQueries({ queryKey: opportunityKeys.staffList(slug) });
      navigate(`/t/${slug}/admin/opportunities/${created.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const text = (
    key: 'team' | 'location' | 'payRange' | 'duration' | 'budget' | 'contactName',
    label: string,
  ) => (
    <Field
      label={label}
      name={key}
      value={form[key]}
      onChange={(value) => setForm({ ...form, [key]: value })}
      error={fieldErrorOf(create.error, key)}
    />
  );
  const items = list.data?.opportunities;
  return (
    <section>
      <h2>{t('oppsAdmin.title')}</h2>
      <p className="lead">{t('oppsAdmin.lead')}</p>
      <p>
        <Link to={`/t/${slug}/admin/opportunities/pipeline`}>{t('oppsAdmin.allPipeline')}</Link>
      </p>
      <ErrorMessage error={list.error} />
      {list.isPending && <Loading />}
      {items && items.length === 0 && <p className="muted">{t('oppsAdmin.empty')}</p>}
      <ul className="list">
        {items?.map((item) => (
          <li key={item.id} className="list-row">
            <div>
              <Link to={`/t/${slug}/admin/opportunities/${item.id}`}>
                <strong>{item.title}</strong>
              </Link>
              <p className="muted small">
                {t(`opportunity.kind.${item.kind}`)} ・{' '}
                {t('oppsAdmin.candidates', { active: item.candidates.active, total: item.candidates.total })}
                {item.closesOn && ` ・ ${t('opportunity.closesOnValue', { date: item.closesOn })}`}
              </p>
            </div>
            <span className="badge">{t(`opportunity.status.${item.status}`)}</span>
          </li>
        ))}
      </ul>
      <form className="card inset" onSubmit={submit} noValidate>
        <h3>{t('oppsAdmin.create')}</h3>
        <div className="field">
          <label htmlFor="opportunity-kind">{t('opportunities.kind')}</label>
          <select
            id="opportunity-kind"
            value={form.kind}
            onChange={(e) => setForm({ ...form, kind: e.target.value as OpportunityKind })}
          >
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`opportunity.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t('oppsAdmin.titleField')}
          name="title"
          value={form.title}
          required
          onChange={(title) => setForm({ ...form, title })}
          error={fieldErrorOf(create.error, 'title')}
        />
        <div className="field">
          <label htmlFor="opportunity-body">{t('oppsAdmin.body')}</label>
          <textarea
            id="opportunity-body"
            rows={6}
            value={form.body}
            aria-describedby="opportunity-body-hint"
            onChange={(e) => setForm({ ...form, body: e.target.value })}
          />
          <p className="hint" id="opportunity-body-hint">
            {t('oppsAdmin.bodyHint')}
          </p>
        </div>
        {form.kind === 'collaboration' ? (
          <>
            {text('duration', t('opportunity.duration'))}
            {text('budget', t('opportunity.budget'))}
          </>
        ) : (
          <>
            {text('team', t('opportunity.team'))}
            {text('location', t('opportunity.location'))}
            {text('payRange', t('opportunity.payRange'))}
          </>
        )}
        {form.kind === 'comeback' && (
          <div className="field">
            <label htmlFor="opportunity-returner">{t('opportunity.returnerTerms')}</label>
            <textarea
              id="opportunity-returner"
              rows={3}
              value={form.returnerTerms}
              onChange={(e) => setForm({ ...form, returnerTerms: e.target.value })}
            />
          </div>
        )}
        {text('contactName', t('opportunity.contact'))}
        <Field
          label={t('opportunity.closesOn')}
          name="closesOn"
          type="date"
          value={form.closesOn}
          onChange={(closesOn) => setForm({ ...form, closesOn })}
          error={fieldErrorOf(create.error, 'closesOn')}
        />
        <OpportunityAudiencePicker
          slug={slug}
          value={form.audience}
          onChange={(audience) => setForm({ ...form, audience })}
        />
        <div className="field">
          <label htmlFor="opportunity-status">{t('oppsAdmin.statusField')}</label>
          <select
            id="opportunity-status"
            value={form.status}
            onChange={(e) => setForm({ ...form, status: e.target.value as typeof form.status })}
          >
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(`opportunity.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <FormError error={create.error} />
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('oppsAdmin.create')}
        </button>
      </form>
    </section>
  );
}
