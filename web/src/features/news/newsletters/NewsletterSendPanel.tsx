import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { call, client } from '../../../app/api';
import type { Schemas } from '../../../app/api/types';
import { useI18n } from '../../../app/i18n';
import { ErrorMessage, fieldErrorOf, Notice } from '../../../app/ui';
import { japanTime, newsletterKeys } from './newsletter-keys';

type Campaign = Schemas['Newsletter'];

/**
 * Test, schedule, send now, cancel a schedule, delete. The buttons stay live while a request is out on
 * purpose: the server moves a campaign by one conditional update, so a second click (or a second tab)
 * is refused with a 409 whose message is shown here, and the mail goes out once.
 */
export function NewsletterSendPanel(props: {
  slug: string;
  campaign: Campaign;
  /** The form has changes not saved yet: what would be sent is not what is on screen. */
  unsaved: boolean;
  senderReady: boolean;
  onChanged(campaign: Campaign): Promise<void>;
}) {
  const { t, formatDateTime } = useI18n();
  const { slug, campaign, onChanged } = props;
  const path = { params: { path: { slug, id: campaign.id } } };
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sendAt, setSendAt] = useState('');
  const [confirming, setConfirming] = useState(false);
  const run = async (work: () => Promise<string>) => {
    setError(null);
    setNotice('');
    try {
      setNotice(await work());
    } catch (caught) {
      setError(caught);
      // Whatever refused it (another click, another tab) may have changed the campaign: show it as it is.
      await queryClient.invalidateQueries({ queryKey: newsletterKeys.one(slug, campaign.id) });
    }
  };
  const sendTest = () =>
    run(async () => {
      const sent = await call(client.POST('/v1/t/{slug}/news-desk/newsletters/{id}/test', path));
      return t('newsletters.testSent', { email: sent.sentTo });
    });
  const schedule = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      const done = await call(
        client.POST('/v1/t/{slug}/news-desk/newsletters/{id}/schedule', {
          ...path,
          body: { sendAt: sendAt ? japanTime(sendAt) : '' },
        }),
      );
      await onChanged(done);
      return t('newsletters.scheduled', { time: formatDateTime(done.sendAt ?? '') });
    });
  };
  const sendNow = () =>
    run(async () => {
      const done = await call(client.POST('/v1/t/{slug}/news-desk/newsletters/{id}/send', path));
      setConfirming(false);
      await onChanged(done);
      return t('newsletters.sendStarted');
    });
  const cancel = () =>
    run(async () => {
      await onChanged(await call(client.POST('/v1/t/{slug}/news-desk/newsletters/{id}/cancel', path)));
      return t('newsletters.cancelled');
    });
  const remove = () => {
    if (!window.confirm(t('newsletters.confirmDelete', { subject: campaign.subject }))) return;
    run(async () => {
      await call(client.DELETE('/v1/t/{slug}/news-desk/newsletters/{id}', path));
      await queryClient.invalidateQueries({ queryKey: newsletterKeys.list(slug), exact: true });
      navigate(`/t/${slug}/admin/news/newsletters`, { replace: true });
      return '';
    });
  };
  const draft = campaign.status === 'draft';
  const blocked = props.unsaved || !props.senderReady;
  const sendAtError = fieldErrorOf(error, 'sendAt');
  return (
    <section className="card inset newsletter-send" aria-labelledby="newsletter-send-title">
      <h3 id="newsletter-send-title">{t('newsletters.sending')}</h3>
      {notice && <Notice>{notice}</Notice>}
      {!sendAtError && <ErrorMessage error={error} />}
      {draft && props.unsaved && <p className="hint">{t('newsletters.unsaved')}</p>}
      {draft && (
        <>
          <p>
            <button type="button" onClick={sendTest} disabled={props.unsaved}>
              {t('newsletters.test')}
            </button>
          </p>
          <form onSubmit={schedule} noValidate>
            <div className="field">
              <label htmlFor="newsletter-send-at">{t('newsletters.sendAt')}</label>
              <input
                id="newsletter-send-at"
                type="datetime-local"
                value={sendAt}
                onChange={(e) => setSendAt(e.target.value)}
                aria-invalid={sendAtError ? true : undefined}
                aria-describedby={sendAtError ? 'newsletter-send-at-error' : undefined}
              />
              {sendAtError && (
                <p className="field-error" id="newsletter-send-at-error">
                  {sendAtError}
                </p>
              )}
            </div>
            <button type="submit" disabled={blocked}>
              {t('newsletters.schedule')}
            </button>
          </form>
        </>
      )}
      {(draft || campaign.status === 'scheduled') &&
        (confirming ? (
          <div className="confirm">
            <p>{t('newsletters.sendConfirm')}</p>
            <div className="toolbar">
              <button type="button" className="primary" onClick={sendNow}>
                {t('newsletters.sendConfirmButton')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('newsletters.keep')}
              </button>
            </div>
          </div>
        ) : (
          <p>
            <button type="button" className="primary" disabled={blocked} onClick={() => setConfirming(true)}>
              {t('newsletters.sendNow')}
            </button>
          </p>
        ))}
      {campaign.status === 'scheduled' && (
        <p>
          <button type="button" onClick={cancel}>
            {t('newsletters.cancel')}
          </button>
        </p>
      )}
      {(draft || campaign.status === 'cancelled') && (
        <p>
          <button type="button" className="danger" onClick={remove}>
            {t('newsletters.delete')}
          </button>
        </p>
      )}
    </section>
  );
}
