import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { Field, FormError, fieldErrorOf } from '../../app/ui';
import { tenantName } from '../tenancy/tenant-name';
import { ConsentChoices, type ConsentValues } from './ConsentChoices';
import { useCommunity } from './community-context';
import type { Intent, OwnProfile } from './community-model';
import { errorWithin } from './field-errors';
import { HashtagEditor } from './HashtagEditor';
import { IntentChoices } from './IntentChoices';

/**
 * Set-up after joining, at most three screens: the consent choices (required, nothing pre-ticked),
 * then name and work, then hashtags and intents. The last two can be left for later.
 */
export function WelcomePage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { slug, home, me, setMe } = useCommunity();
  const profile = me.profile;
  const [step, setStep] = useState(1);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [consents, setConsents] = useState<ConsentValues>({
    companyNews: profile.consents.companyNews,
    listedInDirectory: profile.consents.listedInDirectory,
    companyContact: profile.consents.companyContact,
  });
  const [about, setAbout] = useState({
    displayName: profile.displayName,
    displayNameKana: profile.reading ?? '',
    currentCompany: profile.currentCompany ?? '',
    currentTitle: profile.currentTitle ?? '',
    showTenure: profile.visibility.tenure === 'members',
  });
  const [hashtags, setHashtags] = useState<string[]>((profile.hashtags ?? []).map((tag) => tag.label));
  const [chosenIntents, setChosenIntents] = useState<Intent[]>(profile.intents ?? []);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const updateMe = (next: OwnProfile) => setMe({ ...me, profile: next });
  const finish = async () => {
    updateMe(
      await call(
        client.POST('/v1/t/{slug}/community/me/onboarding/complete', { params: { path: { slug } } }),
      ),
    );
    navigate(`/t/${slug}`, { replace: true });
  };

  const submitConsents = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      updateMe(
        await call(
          client.PUT('/v1/t/{slug}/community/me/consents', {
            params: { path: { slug }, query: { source: 'onboarding' } },
            body: { ...consents, policyVersion: me.policyVersion },
          }),
        ),
      );
      setStep(2);
    });
  };
  const submitAbout = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      const { showTenure, ...fields } = about;
      updateMe(
        await call(
          client.PATCH('/v1/t/{slug}/community/me/profile', {
            params: { path: { slug } },
            body: { ...fields, visibility: { tenure: showTenure ? 'members' : 'private' } },
          }),
        ),
      );
      setStep(3);
    });
  };
  const submitTags = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      updateMe(
        await call(
          client.PATCH('/v1/t/{slug}/community/me/profile', {
            params: { path: { slug } },
            body: { hashtags, intents: chosenIntents },
          }),
        ),
      );
      await finish();
    });
  };

  return (
    <section className="card welcome">
      <p className="eyebrow">
        {t('welcome.step', { step })} ・ {tenantName(home.tenant, locale)}
      </p>
      {step === 1 && (
        <form onSubmit={submitConsents}>
          <h1>{t('home.welcome', { name: profile.displayName })}</h1>
          <h2>{t('welcome.consentTitle')}</h2>
          <p>{t('welcome.consentIntro', { network: tenantName(home.tenant, locale) })}</p>
          <ConsentChoices value={consents} onChange={setConsents} />
          <p className="hint">{t('welcome.consentNote')}</p>
          <p className="muted small">{t('welcome.consentVersion', { version: me.policyVersion })}</p>
          <FormError error={error} />
          <button type="submit" disabled={busy}>
            {t('welcome.next')}
          </button>
        </form>
      )}
      {step === 2 && (
        <form onSubmit={submitAbout}>
          <h1>{t('welcome.profileTitle')}</h1>
          <p>{t('welcome.profileIntro')}</p>
          <Field
            label={t('profile.displayName')}
            name="displayName"
            value={about.displayName}
            required
            error={fieldErrorOf(error, 'displayName')}
            onChange={(displayName) => setAbout({ ...about, displayName })}
          />
          <Field
            label={t('profile.reading')}
            name="displayNameKana"
            value={about.displayNameKana}
            hint={t('profile.readingHint')}
            error={fieldErrorOf(error, 'displayNameKana')}
            onChange={(displayNameKana) => setAbout({ ...about, displayNameKana })}
          />
          <Field
            label={t('profile.currentCompany')}
            name="currentCompany"
            value={about.currentCompany}
            autoComplete="organization"
            error={fieldErrorOf(error, 'currentCompany')}
            onChange={(currentCompany) => setAbout({ ...about, currentCompany })}
          />
          <Field
            label={t('profile.currentTitle')}
            name="currentTitle"
            value={about.currentTitle}
            autoComplete="organization-title"
            error={fieldErrorOf(error, 'currentTitle')}
            onChange={(currentTitle) => setAbout({ ...about, currentTitle })}
          />
          <div className="choice">
            <input
              type="checkbox"
              id="show-tenure"
              checked={about.showTenure}
              aria-describedby="show-tenure-hint"
              onChange={(event) => setAbout({ ...about, showTenure: event.target.checked })}
            />
            <label htmlFor="show-tenure">{t('profile.showTenure')}</label>
            <p className="hint" id="show-tenure-hint">
              {t('profile.showTenureHint')}
            </p>
          </div>
          <FormError error={error} />
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t('welcome.next')}
            </button>
            <button type="button" className="link-button" onClick={() => setStep(3)}>
              {t('welcome.skip')}
            </button>
          </div>
        </form>
      )}
      {step === 3 && (
        <form onSubmit={submitTags}>
          <h1>{t('welcome.tagsTitle')}</h1>
          <p>{t('welcome.tagsIntro')}</p>
          <HashtagEditor
            slug={slug}
            value={hashtags}
            onChange={setHashtags}
            error={errorWithin(error, 'hashtags')}
          />
          <IntentChoices value={chosenIntents} onChange={setChosenIntents} />
          <FormError error={error} />
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t('welcome.finish')}
            </button>
            <button type="button" className="link-button" disabled={busy} onClick={() => run(finish)}>
              {t('welcome.skip')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
