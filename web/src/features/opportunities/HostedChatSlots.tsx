import { useMutation } from '@tanstack/react-query';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage } from '../../app/ui';
import { chatWhen, type HostedChatSlot } from './chat-model';

/** Slots with who booked them, for their host or HR; each live future one can be taken back. */
export function HostedChatSlots(props: {
  slug: string;
  slots: HostedChatSlot[];
  showHost: boolean;
  onChanged(): void;
}) {
  const { t, locale } = useI18n();
  const cancel = useMutation({
    mutationFn: (id: string) =>
      call(
        client.POST('/v1/t/{slug}/community/career-chats/hosted/{id}/cancel', {
          params: { path: { slug: props.slug, id } },
        }),
      ),
    onSuccess: props.onChanged,
  });
  if (props.slots.length === 0) return <p className="muted">{t('chats.hostedEmpty')}</p>;
  return (
    <>
      <ErrorMessage error={cancel.error} />
      <ul className="people">
        {props.slots.map((slot) => {
          const when = chatWhen(locale, slot.startsAt, slot.endsAt);
          const upcoming = new Date(slot.startsAt).getTime() > Date.now();
          return (
            <li key={slot.id} className="person">
              <div>
                <p className="person-name">{when}</p>
                <p className="small">
                  <span className="badge">{t(`chats.topic.${slot.topic}`)}</span>
                  {slot.cancelledAt ? (
                    <span className="badge warn">{t('chats.slotCancelled')}</span>
                  ) : slot.booking ? (
                    <span className="badge">{t('chats.booked')}</span>
                  ) : (
                    <span className="badge">{t('chats.open')}</span>
                  )}
                </p>
                {props.showHost && (
                  <p className="small">{t('chats.hostIs', { name: slot.host.displayName })}</p>
                )}
                <p className="muted small">
                  {t(`chats.placeKind.${slot.placeKind}`)} ・ {slot.place}
                </p>
                {slot.booking && !slot.cancelledAt && (
                  <p className="small">
                    {t('chats.bookedBy', { name: slot.booking.member.displayName })}
                    {slot.booking.message && <span className="muted"> 「{slot.booking.message}」</span>}
                  </p>
                )}
              </div>
              {!slot.cancelledAt && upcoming && (
                <button
                  type="button"
                  className="danger"
                  disabled={cancel.isPending}
                  aria-label={t('chats.cancelSlotLabel', { when })}
                  onClick={() => cancel.mutate(slot.id)}
                >
                  {t('chats.cancelSlot')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
