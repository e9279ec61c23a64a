import type { Locale } from '../i18n/messages.js';

type Rendered = { subject: string; text: string };

const footer = {
  ja: '\n\n-- \nEnishi（縁）アルムナイネットワーク\nこのメールに心当たりがない場合は、破棄してください。',
  en: '\n\n-- \nEnishi alumni network\nIf you did not expect this e-mail, you can ignore it.',
};

export function signInMail(locale: Locale, link: string): Rendered {
  return locale === 'ja'
    ? {
        subject: '【Enishi】サインイン用のリンク',
        text: `Enishi にサインインするには、15 分以内に次のリンクを開いてください。\n\n${link}\n\nリンクは一度だけ使えます。${footer.ja}`,
      }
    : {
        subject: 'Your Enishi sign-in link',
        text: `Open this link within 15 minutes to sign in to Enishi:\n\n${link}\n\nThe link works once.${footer.en}`,
      };
}

export function unknownAddressMail(locale: Locale, signupUrl: string): Rendered {
  return locale === 'ja'
    ? {
        subject: '【Enishi】サインインのご依頼について',
        text: `このメールアドレスでサインインのご依頼がありましたが、登録されたアカウントが見つかりませんでした。\n\n所属していた会社から届いた招待メールのリンク、または別のメールアドレスでお試しください。\n会社のアルムナイネットワークを新しく作る場合はこちら: ${signupUrl}${footer.ja}`,
      }
    : {
        subject: 'About your Enishi sign-in request',
        text: `Someone asked to sign in to Enishi with this address, but no account uses it.\n\nTry the link in the invitation from your former company, or another address.\nTo create an alumni network for your company: ${signupUrl}${footer.en}`,
      };
}

export function signUpMail(locale: Locale, link: string, networkName: string): Rendered {
  return locale === 'ja'
    ? {
        subject: `【Enishi】「${networkName}」の作成を完了してください`,
        text: `アルムナイネットワーク「${networkName}」の作成を受け付けました。15 分以内に次のリンクを開くと作成が完了し、オーナーとしてサインインします。\n\n${link}${footer.ja}`,
      }
    : {
        subject: `Finish creating "${networkName}" on Enishi`,
        text: `Open this link within 15 minutes to create the alumni network "${networkName}" and sign in as its owner:\n\n${link}${footer.en}`,
      };
}

export function staffInviteMail(
  locale: Locale,
  link: string,
  networkName: string,
  inviter: string,
): Rendered {
  return locale === 'ja'
    ? {
        subject: `【Enishi】「${networkName}」に招待されました`,
        text: `${inviter} さんから、アルムナイネットワーク「${networkName}」に招待されました。次のリンクからサインインしてください（15 分以内に一度だけ使えます。期限が切れた場合は、サインイン画面でこのメールアドレスを入力すると新しいリンクが届きます）。\n\n${link}${footer.ja}`,
      }
    : {
        subject: `You have been invited to "${networkName}" on Enishi`,
        text: `${inviter} invited you to the alumni network "${networkName}". Sign in with this link (it works once, within 15 minutes; afterwards, enter this address on the sign-in page to get a new one):\n\n${link}${footer.en}`,
      };
}
