import { useI18n } from '../../app/i18n';
import type { MemberOpportunity } from './opportunity-model';

type Facts = Pick<
  MemberOpportunity,
  | 'kind'
  | 'employmentType'
  | 'team'
  | 'location'
  | 'workStyle'
  | 'payRange'
  | 'collaborationType'
  | 'duration'
  | 'budget'
  | 'contactName'
  | 'closesOn'
>;

/** The kind-specific facts of an opportunity as a definition list (only those filled in). */
export function OpportunityFacts({ opportunity: o }: { opportunity: Facts }) {
  const { t } = useI18n();
  const rows: [string, string][] = [];
  if (o.employmentType)
    rows.push([t('opportunity.employmentType'), t(`opportunity.employmentType.${o.employmentType}`)]);
  if (o.collaborationType)
    rows.push([
      t('opportunity.collaborationType'),
      t(`opportunity.collaborationType.${o.collaborationType}`),
    ]);
  if (o.team) rows.push([t('opportunity.team'), o.team]);
  if (o.location) rows.push([t('opportunity.location'), o.location]);
  if (o.workStyle) rows.push([t('opportunity.workStyle'), t(`opportunity.workStyle.${o.workStyle}`)]);
  if (o.payRange) rows.push([t('opportunity.payRange'), o.payRange]);
  if (o.duration) rows.push([t('opportunity.duration'), o.duration]);
  if (o.budget) rows.push([t('opportunity.budget'), o.budget]);
  if (o.contactName) rows.push([t('opportunity.contact'), o.contactName]);
  rows.push([t('opportunity.closesOn'), o.closesOn ?? t('opportunity.noDeadline')]);
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
