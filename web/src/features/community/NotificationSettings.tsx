import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { call, client } from '../../app/api';
import type { Schemas } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading, Notice } from '../../app/ui';
import { communityKeys, useCommunity } from './community-context';

const kinds = [
  'message',
  'company_reply',
  'mention',
  'comment',
  'group_invited',
  'group_approved',
  'group_request',
  'post_hidden',
  'opportunity_announced',
  'event_promoted',
  'event_changed',
  'event_cancelled',
  'event_reminder',
  'event_message',
] as const;
const channels = ['inApp', 'email', 'push'] as const;
type Kind = (typeof kinds)[number];
type Channel = (typeof channels)[number];
type Settings = Schemas['NotificationSettings'];
type Digest = Settings['digest'];

const pushSupported = () =>
  typeof window !== 'undefined' &&
  'serviceWorker' in navigator &&
  'PushManager' in window &&
  'Notification' in window;

/** The VAPID key as the bytes PushManager.subscribe wants. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4))
    .replace(/-/g, '+')
    .replace(/_/g, '/');
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** How notifications reach me: per kind and channel, the digest, and Web Push on this device. */
export function NotificationSettings() {
  const { t } = useI18n();
  const { slug } = useCommunity();
  const queryClient = useQueryClient();
  const key = communityKeys.notificationSettings(slug);
  const { data, error: loadError } = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/community/me/notification-settings', { params: { path: { slug } }, signal }),
      ),
  });
  // The choices being edited; the device count always comes from the server's latest answer.
  const [draft, setSettings] = useState<Settings | null>(null);
  const [thisDevice, setThisDevice] = useState<PushSubscription | null>(null);
  // Push needs the service worker, which is registered in production builds only.
  const [worker, setWorker] = useState<ServiceWorkerRegistration | null>(null);
  const [notice, setNotice] = useState('');
  const [writeError, setError] = useState<unknown>(null);
  const error = writeError ?? loadError;

  useEffect(() => {
    if (pushSupported()) {
      navigator.serviceWorker.getRegistration().then((registration) => {
        if (!registration) return;
        setWorker(registration);
        registration.pushManager.getSubscription().then(setThisDevice);
      });
    }
  }, []);

  if (!data) return error ? <ErrorMessage error={error} /> : <Loading />;
  const settings: Settings = draft ? { ...draft, push: data.push } : data;

  const toggle = (kind: Kind, channel: Channel) =>
    setSettings({
      ...settings,
      preferences: {
        ...settings.preferences,
        [kind]: { ...settings.preferences[kind], [channel]: !settings.preferences[kind][channel] },
      },
    });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNotice('');
    try {
      const saved = await call(
        client.PATCH('/v1/t/{slug}/community/me/notification-settings', {
          params: { path: { slug } },
          body: {
            emailNotifications: settings.emailNotifications,
            digest: settings.digest,
            preferences: settings.preferences,
          },
        }),
      );
      queryClient.setQueryData(key, saved);
      setSettings(null);
      setNotice(t('notify.saved'));
    } catch (caught) {
      setError(caught);
    }
  };

  const enablePush = async () => {
    setError(null);
    setNotice('');
    try {
      if ((await Notification.requestPermission()) !== 'granted') {
        setNotice(t('notify.pushDenied'));
        return;
      }
      if (!worker) return;
      const subscription = await worker.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(settings.push.publicKey),
      });
      const { keys } = subscription.toJSON();
      await call(
        client.PUT('/v1/t/{slug}/community/me/push-subscription', {
          params: { path: { slug } },
          body: {
            endpoint: subscription.endpoint,
            expirationTime: subscription.expirationTime,
            keys: { auth: keys?.auth ?? '', p256dh: keys?.p256dh ?? '' },
          },
        }),
      );
      setThisDevice(subscription);
      await queryClient.invalidateQueries({ queryKey: key });
      setNotice(t('notify.pushEnabled'));
    } catch (caught) {
      setError(caught);
    }
  };

  const disablePush = async () => {
    if (!thisDevice) return;
    setError(null);
    try {
      await call(
        client.DELETE('/v1/t/{slug}/community/me/push-subscription', {
          params: { path: { slug } },
          body: { endpoint: thisDevice.endpoint },
        }),
      );
      await thisDevice.unsubscribe();
      setThisDevice(null);
      await queryClient.invalidateQueries({ queryKey: key });
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className="card" id="notifications" aria-labelledby="notify-title">
      <h2 id="notify-title">{t('notify.title')}</h2>
      <p className="hint">{t('notify.lead')}</p>
      <form onSubmit={save}>
        <table className="preferences-table">
          <thead>
            <tr>
              <th scope="col" className="visually-hidden">
                {t('notify.kind')}
              </th>
              {channels.map((channel) => (
                <th key={channel} scope="col">
                  {t(`notify.channel.${channel}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {kinds.map((kind) => (
              <tr key={kind}>
                <th scope="row">{t(`notify.kind.${kind}`)}</th>
                {channels.map((channel) => (
                  <td key={channel}>
                    <input
                      type="checkbox"
                      aria-label={`${t(`notify.kind.${kind}`)}：${t(`notify.channel.${channel}`)}`}
                      checked={settings.preferences[kind][channel]}
                      onChange={() => toggle(kind, channel)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="choice">
          <input
            type="checkbox"
            id="email-notifications"
            checked={settings.emailNotifications}
            onChange={(event) => setSettings({ ...settings, emailNotifications: event.target.checked })}
          />
          <label htmlFor="email-notifications">{t('notify.email')}</label>
        </div>
        {!settings.emailNotifications && <p className="hint">{t('notify.emailOff')}</p>}
        <div className="field">
          <label htmlFor="digest-frequency">{t('notify.digest')}</label>
          <select
            id="digest-frequency"
            value={settings.digest}
            onChange={(event) => setSettings({ ...settings, digest: event.target.value as Digest })}
          >
            {(['daily', 'weekly', 'monthly', 'off'] as const).map((frequency) => (
              <option key={frequency} value={frequency}>
                {t(`notify.digest.${frequency}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('notify.save')}</button>
      </form>
      <h3>{t('notify.push')}</h3>
      {!worker ? (
        <p className="muted">{t('notify.pushUnsupported')}</p>
      ) : thisDevice ? (
        <button type="button" className="secondary" onClick={disablePush}>
          {t('notify.pushOff')}
        </button>
      ) : (
        <button type="button" className="secondary" onClick={enablePush}>
          {t('notify.pushOn')}
        </button>
      )}
      {settings.push.devices > 0 && (
        <p className="muted small">{t('notify.pushDevices', { count: settings.push.devices })}</p>
      )}
      <ErrorMessage error={error} />
      {notice && <Notice>{notice}</Notice>}
    </section>
  );
}
