import type { Schemas } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages/ja';
import { Field } from '../../app/ui';

type Settings = Schemas['TenantSettings'];
export type Sender = Pick<Settings, 'senderName' | 'senderAddress' | 'senderContact'>;

/**
 * 特定電子メール法 (Article 4) asks every commercial mail to name its sender, their address and a way to
 * reach them. Half a sender is as unusable as none, so one without the other is refused before saving.
 */
export function senderProblems(sender: Sender): Partial<Record<keyof Sender, MessageKey>> {
  const address = sender.senderAddress.trim();
  const contact = sender.senderContact.trim();
  if (address && !contact) return { senderContact: 'settings.sender.contactNeeded' };
  if (contact && !address) return { senderAddress: 'settings.sender.addressNeeded' };
  return {};
}

export const senderReady = (sender: Sender) =>
  sender.senderAddress.trim() !== '' && sender.senderContact.trim() !== '';

/** The newsletter sender on the settings page: name, postal address and contact, with what is missing. */
export function SenderFieldset(props: {
  sender: Sender;
  networkName: string;
  onChange(sender: Sender): void;
  /** Message keys found before saving, else the server's field errors. */
  errors: Partial<Record<keyof Sender, string | undefined>>;
}) {
  const { t } = useI18n();
  const { sender, onChange, errors } = props;
  return (
    <fieldset className="settings-sender" id="newsletter-sender">
      <legend>{t('settings.sender')}</legend>
      <p className="hint">{t('settings.sender.why')}</p>
      {!senderReady(sender) && (
        <p className="alert alert-info" role="status">
          {t('settings.sender.missing')}
        </p>
      )}
      <Field
        label={t('settings.sender.name')}
        name="senderName"
        value={sender.senderName}
        onChange={(senderName) => onChange({ ...sender, senderName })}
        hint={t('settings.sender.nameHint', { name: props.networkName })}
        error={errors.senderName}
        autoComplete="organization"
      />
      <Field
        label={t('settings.sender.address')}
        name="senderAddress"
        value={sender.senderAddress}
        onChange={(senderAddress) => onChange({ ...sender, senderAddress })}
        hint={t('settings.sender.addressHint')}
        error={errors.senderAddress}
        autoComplete="street-address"
      />
      <Field
        label={t('settings.sender.contact')}
        name="senderContact"
        value={sender.senderContact}
        onChange={(senderContact) => onChange({ ...sender, senderContact })}
        hint={t('settings.sender.contactHint')}
        error={errors.senderContact}
      />
    </fieldset>
  );
}
