import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, FormError, Loading, Notice } from '../../app/ui';
import { useCommunity } from '../community/community-context';
import { ChatSlotForm } from './ChatSlotForm';
import { chatKeys, chatWhen, hostsChats, type OpenChatSlot } from './chat-model';
import { HostedChatSlots } from './HostedChatSlots';

/**
 * カジュアル面談: open slots booked in two taps (予約する, then 予約を確定する), my chats with their
 * place and a cancel button, and for hosts (HR staff, employees) their own slots and a form to add one.
 */
export function ChatsPage() {
  const { t, locale } = useI18n();
  const { slug, home } = useCommunity();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: chatKeys.all(slug) });
  const [chosen, setChosen] = useState<OpenChatSlot | null>(null);
  const [message, setMessage] = useState('');
  const [justBooked, setJustBooked] = useState(false);
  const isHost = hostsChats(home.member.role);
  const open = useQuery({
    queryKey: chatKeys.open(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/career-chats/slots', { params: { path: { slug } }, signal })),
  });
  const mine = useQuery({
    queryKey: chatKeys.mine(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/career-chats/mine', { params: { path: { slug } }, signal })),
    enabled: !isHost,
  });
  const hosted = useQuery({
    queryKey: chatKeys.hosted(slug),
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/community/career-chats/hosted', {
          params: { path: { slug }, query: { when: 'upcoming' } },
          signal,
        }),
      ),
    enabled: isHost,
  });
  const book = useMutation({
    mutationFn: (id: string) =>
      call(
        client.POST('/v1/t/{slug}/community/career-chats/slots/{id}/booking', {
          params: { path: { slug, id } },
          body: { message },
        }),
      ),
    onSuccess: () => {
      setChosen(null);
      setMessage('');
      setJustBooked(true);
      refresh();
    },
    // Someone else was quicker: show the message and the list as it is now.
    onError: () => refresh(),
  });
  const cancel = useMutation({
    mutationFn: (id: string) =>
      call(
        client.POST('/v1/t/{slug}/community/career-chats/bookings/{id}/cancel', {
          params: { path: { slug, id } },
        }),
      ),
    onSuccess: refresh,
  });
  const choose = (slot: OpenChatSlot | null) => {
    book.reset();
    setJustBooked(false);
    setChosen(slot);
  };
  const bookable = open.data?.slots.filter((slot) => !slot.bookedByMe) ?? [];
  const upcomingMine =
    mine.data?.chats.filter((chat) => new Date(chat.slot.endsAt).getTime() > Date.now()) ?? [];
  return (
    <section>
      <p>
        <Link to={`/t/${slug}/opportunities`}>← {t('chats.back')}</Link>
      </p>
      <h1>{t('chats.title')}</h1>
      <p className="lead">{t('chats.lead')}</p>
      {justBooked && <Notice>{t('chats.bookedDone')}</Notice>}

      {!isHost && (
        <>
          <h2>{t('chats.mine')}</h2>
          <ErrorMessage error={mine.error ?? cancel.error} />
          {mine.isPending && <Loading />}
          {mine.data && upcomingMine.length === 0 && <p className="muted">{t('chats.mineEmpty')}</p>}
          <ul className="people">
            {upcomingMine.map((chat) => {
              const when = chatWhen(locale, chat.slot.startsAt, chat.slot.endsAt);
              return (
                <li key={chat.id} className="person">
                  <div>
                    <p className="person-name">{when}</p>
                    <p className="small">
                      <span className="badge">{t(`chats.topic.${chat.slot.topic}`)}</span>
                      <span className={chat.status === 'cancelled' ? 'badge warn' : 'badge'}>
                        {t(`chats.status.${chat.status}`)}
                      </span>
                    </p>
                    <p className="small">{t('chats.hostIs', { name: chat.slot.host.displayName })}</p>
                    <p className="muted small">
                      {chat.slot.placeKind === 'online' ? (
                        <a href={chat.slot.place} rel="noopener noreferrer" target="_blank">
                          {t('chats.joinOnline')}
                        </a>
                      ) : (
                        chat.slot.place
                      )}
                    </p>
                  </div>
                  {chat.status === 'booked' && (
                    <button
                      type="button"
                      className="danger"
                      disabled={cancel.isPending}
                      aria-label={t('chats.cancelLabel', { when })}
                      onClick={() => cancel.mutate(chat.id)}
                    >
                      {t('chats.cancel')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}

      <h2>{t('chats.openSlots')}</h2>
      <ErrorMessage error={open.error} />
      {open.isPending && <Loading />}
      {open.data && bookable.length === 0 && <p className="muted">{t('chats.openEmpty')}</p>}
      <ul className="people">
        {bookable.map((slot) => {
          const when = chatWhen(locale, slot.startsAt, slot.endsAt);
          return (
            <li key={slot.id} className="person">
              <div>
                <p className="person-name">{when}</p>
                <p className="small">
                  <span className="badge">{t(`chats.topic.${slot.topic}`)}</span>
                  <span className="badge">{t(`chats.placeKind.${slot.placeKind}`)}</span>
                </p>
                <p className="small">{t('chats.hostIs', { name: slot.host.displayName })}</p>
                {slot.place && <p className="muted small">{slot.place}</p>}
                {slot.note && <p className="muted small pre-line">{slot.note}</p>}
                {chosen?.id === slot.id && (
                  <div className="card inset">
                    <p>{t('chats.confirm', { when, name: slot.host.displayName })}</p>
                    <div className="field">
                      <label htmlFor="chat-message">{t('chats.message')}</label>
                      <textarea
                        id="chat-message"
                        rows={2}
                        maxLength={500}
                        value={message}
                        onChange={(e) => setMessage(e.target.value)}
                      />
                    </div>
                    <FormError error={book.error} />
                    <div className="toolbar">
                      <button
                        type="button"
                        className="primary"
                        disabled={book.isPending}
                        onClick={() => book.mutate(slot.id)}
                      >
                        {t('chats.confirmButton')}
                      </button>
                      <button type="button" onClick={() => choose(null)}>
                        {t('chats.chooseAnother')}
                      </button>
                    </div>
                  </div>
                )}
              </div>
              {!isHost && chosen?.id !== slot.id && (
                <button
                  type="button"
                  aria-label={t('chats.bookLabel', { when })}
                  onClick={() => choose(slot)}
                >
                  {t('chats.book')}
                </button>
              )}
            </li>
          );
        })}
      </ul>

      {isHost && (
        <>
          <h2>{t('chats.hosted')}</h2>
          <ErrorMessage error={hosted.error} />
          {hosted.isPending && <Loading />}
          {hosted.data && (
            <HostedChatSlots slug={slug} slots={hosted.data.slots} showHost={false} onChanged={refresh} />
          )}
          <ChatSlotForm slug={slug} onPublished={refresh} />
        </>
      )}
    </section>
  );
}
