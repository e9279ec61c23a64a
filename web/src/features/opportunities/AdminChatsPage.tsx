import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { ChatSlotForm } from './ChatSlotForm';
import { chatKeys } from './chat-model';
import { HostedChatSlots } from './HostedChatSlots';

/** The console's カジュアル面談: every host's slots with who booked them, and a slot of one's own to add. */
export function AdminChatsPage() {
  const { t } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const queryClient = useQueryClient();
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const slots = useQuery({
    queryKey: chatKeys.staff(slug, when),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/career-chats', { params: { path: { slug }, query: { when } }, signal })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: chatKeys.all(slug) });
  return (
    <section>
      <h2>{t('chats.title')}</h2>
      <p className="lead">{t('chats.staffLead')}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor="chat-when">{t('chats.when')}</label>
          <select
            id="chat-when"
            value={when}
            onChange={(e) => setWhen(e.target.value as 'upcoming' | 'past')}
          >
            <option value="upcoming">{t('chats.when.upcoming')}</option>
            <option value="past">{t('chats.when.past')}</option>
          </select>
        </div>
      </div>
      <ErrorMessage error={slots.error} />
      {slots.isPending && <Loading />}
      {slots.data && <HostedChatSlots slug={slug} slots={slots.data.slots} showHost onChanged={refresh} />}
      <ChatSlotForm slug={slug} onPublished={refresh} level={3} />
    </section>
  );
}
