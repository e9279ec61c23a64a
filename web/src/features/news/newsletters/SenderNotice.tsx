import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { call, client } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useConsoleHome } from '../../admin/AdminLayout';
import { newsletterKeys } from './newsletter-keys';

/** Whether the sender's address and contact are set (特定電子メール法); undefined while unknown. */
export function useSenderReady(slug: string): boolean | undefined {
  const { data } = useQuery({
    queryKey: newsletterKeys.settings(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/settings', { params: { path: { slug } }, signal })),
  });
  if (!data) return undefined;
  return data.senderAddress.trim() !== '' && data.senderContact.trim() !== '';
}

/** Says that nothing can be sent without a sender, and where it is entered (only owners change settings). */
export function SenderNotice({ ready }: { ready: boolean | undefined }) {
  const { t } = useI18n();
  const home = useConsoleHome();
  if (ready !== false) return null;
  return (
    <div className="alert alert-info" role="status">
      <p>{t('newsletters.senderMissing')}</p>
      {home.member.role === 'owner' ? (
        <p>
          <Link to={`/t/${home.tenant.slug}/admin/settings#newsletter-sender`}>
            {t('newsletters.senderLink')}
          </Link>
        </p>
      ) : (
        <p>{t('newsletters.senderAskOwner')}</p>
      )}
    </div>
  );
}
