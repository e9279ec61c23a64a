import type { Schemas } from '../../../app/api/types';
import { DeskTable, useRowNavigation } from '../../../app/desk-table';
import { useI18n } from '../../../app/i18n';

type Delivery = Schemas['NewsletterDelivery'];

/** Who a delivery went to: the name, or a mark that the registry record was erased since. */
function useRecipient() {
  const { t } = useI18n();
  return (delivery: Delivery) => delivery.name ?? t('newsletters.deliveries.erased');
}

/**
 * The consent a mail went out under, in one line: the member's ledger entry (when, where, which
 * version) or the registry's contact consent for someone who had not joined.
 */
function useConsentLine() {
  const { t, formatDateTime } = useI18n();
  return ({ consent }: Delivery) => {
    // The ledger's own sources are named; a registry's source is whatever HR typed or imported.
    const source =
      consent.kind === 'ledger' && (consent.source === 'onboarding' || consent.source === 'settings')
        ? t(`newsletters.deliveries.source.${consent.source}`)
        : consent.source;
    return [
      t(`newsletters.deliveries.proof.${consent.kind}`),
      consent.at && formatDateTime(consent.at),
      source,
      consent.version && t('newsletters.deliveries.version', { version: consent.version }),
    ]
      .filter(Boolean)
      .join(' ・ ');
  };
}

/** How often a recipient opened or clicked, with the first time; null hides it (not counted). */
function useTimes() {
  const { t, formatDateTime } = useI18n();
  return (count: number, first: string | null) =>
    count > 0 && first
      ? t('newsletters.deliveries.times', { count, time: formatDateTime(first) })
      : t('newsletters.deliveries.never');
}

function StatusBadge({ delivery }: { delivery: Delivery }) {
  const { t } = useI18n();
  const subtle = delivery.status === 'queued' || delivery.status === 'sent';
  return (
    <span className={`badge${subtle ? ' subtle' : ''}`}>{t(`newsletters.count.${delivery.status}`)}</span>
  );
}

/** The recipients on a desk: one row each, in the server's order (by name). */
export function DeliveriesTable({
  deliveries,
  caption,
  tracked,
}: {
  deliveries: Delivery[];
  caption: string;
  /** Whether the campaign counted opens and clicks (their columns are shown only then). */
  tracked: boolean;
}) {
  const { t, formatDateTime } = useI18n();
  const times = useTimes();
  const { bodyProps, rowProps } = useRowNavigation(deliveries);
  const recipient = useRecipient();
  const consentLine = useConsentLine();
  return (
    <DeskTable caption={caption} keys={t('desk.rowKeys')}>
      <thead>
        <tr>
          <th scope="col">{t('newsletters.deliveries.col.name')}</th>
          <th scope="col">{t('newsletters.deliveries.col.email')}</th>
          <th scope="col">{t('newsletters.deliveries.col.status')}</th>
          <th scope="col">{t('newsletters.deliveries.col.queuedAt')}</th>
          <th scope="col">{t('newsletters.deliveries.col.sentAt')}</th>
          <th scope="col">{t('newsletters.deliveries.col.consent')}</th>
          {tracked && <th scope="col">{t('newsletters.deliveries.col.opens')}</th>}
          {tracked && <th scope="col">{t('newsletters.deliveries.col.clicks')}</th>}
        </tr>
      </thead>
      <tbody {...bodyProps}>
        {deliveries.map((delivery, index) => (
          <tr key={delivery.id} {...rowProps(index)}>
            <th scope="row">
              {recipient(delivery)}
              {delivery.recipientKind === 'record' && (
                <span className="muted small"> {t('newsletters.deliveries.notJoined')}</span>
              )}
            </th>
            <td>{delivery.email}</td>
            <td>
              <StatusBadge delivery={delivery} />
            </td>
            <td>{formatDateTime(delivery.queuedAt)}</td>
            <td>{delivery.sentAt ? formatDateTime(delivery.sentAt) : ''}</td>
            <td className="small">{consentLine(delivery)}</td>
            {tracked && (
              <td className="small">
                {times(delivery.tracking?.opens ?? 0, delivery.tracking?.openedAt ?? null)}
              </td>
            )}
            {tracked && (
              <td className="small">
                {times(delivery.tracking?.clicks ?? 0, delivery.tracking?.clickedAt ?? null)}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </DeskTable>
  );
}

/** The recipients on a phone: a card each, the same facts as the table's row. */
export function DeliveryCards({
  deliveries,
  label,
  tracked,
}: {
  deliveries: Delivery[];
  label: string;
  tracked: boolean;
}) {
  const { t, formatDateTime } = useI18n();
  const times = useTimes();
  const recipient = useRecipient();
  const consentLine = useConsentLine();
  return (
    <ul className="list delivery-cards" aria-label={label}>
      {deliveries.map((delivery) => (
        <li key={delivery.id} className="list-row">
          <div>
            <strong>{recipient(delivery)}</strong> <StatusBadge delivery={delivery} />
            {delivery.recipientKind === 'record' && (
              <span className="muted small"> {t('newsletters.deliveries.notJoined')}</span>
            )}
            <p className="small delivery-address">{delivery.email}</p>
            <p className="small muted">
              {t('newsletters.deliveries.queuedAt', { time: formatDateTime(delivery.queuedAt) })}
              {delivery.sentAt &&
                ` ・ ${t('newsletters.deliveries.sentAt', { time: formatDateTime(delivery.sentAt) })}`}
            </p>
            <p className="small muted">
              {t('newsletters.deliveries.consent')}: {consentLine(delivery)}
            </p>
            {tracked && (
              <p className="small muted">
                {t('newsletters.deliveries.opens', {
                  value: times(delivery.tracking?.opens ?? 0, delivery.tracking?.openedAt ?? null),
                })}
                {' ・ '}
                {t('newsletters.deliveries.clicks', {
                  value: times(delivery.tracking?.clicks ?? 0, delivery.tracking?.clickedAt ?? null),
                })}
              </p>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
