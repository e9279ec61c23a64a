import { AudiencePicker, type AudienceSpec } from '../programmes/AudiencePicker';

/**
 * Who an opportunity is for, previewed as the announcement's e-mail reaches them: the consent to be
 * contacted about jobs and collaboration, and the member's choice for this kind of notification.
 */
export function OpportunityAudiencePicker(props: {
  slug: string;
  value: AudienceSpec;
  onChange(spec: AudienceSpec): void;
}) {
  return (
    <AudiencePicker
      slug={props.slug}
      value={props.value}
      onChange={props.onChange}
      purpose="company_contact"
      channel="email"
      offerRecords
    />
  );
}
