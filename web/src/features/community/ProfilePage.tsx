import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { call, client, upload } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Field, FormError, fieldErrorOf, Notice } from '../../app/ui';
import { communityKeys, useCommunity } from './community-context';
import type {
  CareerEntry,
  Intent,
  OwnProfile,
  ProfileField,
  Link as ProfileLink,
  Visibility,
} from './community-model';
import { errorWithin } from './field-errors';
import { HashtagEditor } from './HashtagEditor';
import { IntentChoices } from './IntentChoices';
import { NotificationSettings } from './NotificationSettings';
import { Avatar } from './PersonCardView';
import { PrivacySettings } from './PrivacySettings';
import { VisibilitySelect } from './VisibilitySelect';

/** My profile: every field with who may see it, my photo, and my privacy choices. */
export function ProfilePage() {
  const { t } = useI18n();
  const { slug, me, setMe } = useCommunity();
  const profile = me.profile;
  const [form, setForm] = useState({
    displayName: profile.displayName,
    displayNameKana: profile.reading ?? '',
    currentCompany: profile.currentCompany ?? '',
    currentTitle: profile.currentTitle ?? '',
    bio: profile.bio ?? '',
  });
  const [hashtags, setHashtags] = useState((profile.hashtags ?? []).map((tag) => tag.label));
  const [chosenIntents, setChosenIntents] = useState<Intent[]>(profile.intents ?? []);
  const [career, setCareer] = useState<CareerEntry[]>(profile.career ?? []);
  const [links, setLinks] = useState<ProfileLink[]>(profile.links ?? []);
  const [visibility, setVisibility] = useState(profile.visibility);
  const [acceptsMessages, setAcceptsMessages] = useState(profile.acceptsMessages);
  const [findableByFormerNames, setFindableByFormerNames] = useState(profile.findableByFormerNames);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [photoError, setPhotoError] = useState<unknown>(null);

  const queryClient = useQueryClient();
  /** My profile as saved; how others see it (my page in the directory) is read again. */
  const updateMe = (next: OwnProfile) => {
    setMe({ ...me, profile: next });
    void queryClient.invalidateQueries({ queryKey: communityKeys.person(slug, next.id) });
  };
  const visible = (field: ProfileField) => (
    <VisibilitySelect
      field={field}
      // The server sends every field's level; members is its default.
      value={visibility[field] ?? 'members'}
      onChange={(level: Visibility) => setVisibility({ ...visibility, [field]: level })}
    />
  );

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNotice('');
    try {
      updateMe(
        await call(
          client.PATCH('/v1/t/{slug}/community/me/profile', {
            params: { path: { slug } },
            body: {
              ...form,
              hashtags,
              intents: chosenIntents,
              career: career.filter((entry) => entry.company.trim()).map(withoutBlanks),
              links: links.filter((link) => link.url.trim()),
              visibility,
              acceptsMessages,
              findableByFormerNames,
            },
          }),
        ),
      );
      setNotice(t('profile.saved'));
    } catch (caught) {
      setError(caught);
    }
  };

  const uploadPhoto = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setPhotoError(null);
    try {
      updateMe(await upload<OwnProfile>('PUT', `/t/${slug}/community/me/photo`, file));
    } catch (caught) {
      setPhotoError(caught);
    }
    event.target.value = '';
  };
  const removePhoto = async () => {
    try {
      updateMe(await call(client.DELETE('/v1/t/{slug}/community/me/photo', { params: { path: { slug } } })));
    } catch (caught) {
      setPhotoError(caught);
    }
  };

  return (
    <section>
      <h1>{t('community.tab.me')}</h1>
      <p>
        <Link to={`/t/${slug}/people/${profile.id}`}>{t('profile.view')}</Link>
      </p>
      <div className="card">
        <h2>{t('profile.photo')}</h2>
        <div className="profile-head">
          <Avatar person={profile} size={96} />
          <div>
            <label className="button secondary" htmlFor="photo-input">
              {t('profile.photoUpload')}
            </label>
            <input
              id="photo-input"
              className="visually-hidden"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              onChange={uploadPhoto}
            />
            {profile.photoUrl && (
              <button type="button" className="link-button" onClick={removePhoto}>
                {t('profile.photoRemove')}
              </button>
            )}
            <p className="hint">{t('profile.photoHint')}</p>
          </div>
        </div>
        {visible('photo')}
        <ErrorMessage error={photoError} />
      </div>

      <form className="card" onSubmit={save}>
        <Field
          label={t('profile.displayName')}
          name="displayName"
          value={form.displayName}
          required
          error={fieldErrorOf(error, 'displayName')}
          onChange={(displayName) => setForm({ ...form, displayName })}
        />
        <Field
          label={t('profile.reading')}
          name="displayNameKana"
          value={form.displayNameKana}
          hint={t('profile.readingHint')}
          error={fieldErrorOf(error, 'displayNameKana')}
          onChange={(displayNameKana) => setForm({ ...form, displayNameKana })}
        />
        {visible('reading')}
        <Field
          label={t('profile.currentCompany')}
          name="currentCompany"
          value={form.currentCompany}
          error={fieldErrorOf(error, 'currentCompany')}
          onChange={(currentCompany) => setForm({ ...form, currentCompany })}
        />
        <Field
          label={t('profile.currentTitle')}
          name="currentTitle"
          value={form.currentTitle}
          error={fieldErrorOf(error, 'currentTitle')}
          onChange={(currentTitle) => setForm({ ...form, currentTitle })}
        />
        {visible('company')}
        <HashtagEditor
          slug={slug}
          value={hashtags}
          onChange={setHashtags}
          error={errorWithin(error, 'hashtags')}
        />
        {visible('hashtags')}
        <IntentChoices value={chosenIntents} onChange={setChosenIntents} />
        {visible('intents')}
        <div className="field">
          <label htmlFor="profile-bio">{t('profile.bio')}</label>
          <textarea
            id="profile-bio"
            rows={5}
            value={form.bio}
            onChange={(event) => setForm({ ...form, bio: event.target.value })}
          />
          {fieldErrorOf(error, 'bio') && <p className="field-error">{fieldErrorOf(error, 'bio')}</p>}
        </div>
        {visible('bio')}

        <fieldset>
          <legend>{t('profile.career')}</legend>
          {career.map((entry, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
            <div className="row-group" key={index}>
              <Field
                label={t('profile.careerCompany')}
                name={`career-${index}-company`}
                value={entry.company}
                error={errorWithin(error, `career.${index}`)}
                onChange={(company) => setCareer(career.map((e, i) => (i === index ? { ...e, company } : e)))}
              />
              <Field
                label={t('profile.careerTitle')}
                name={`career-${index}-title`}
                value={entry.title ?? ''}
                onChange={(title) => setCareer(career.map((e, i) => (i === index ? { ...e, title } : e)))}
              />
              <div className="row">
                <Field
                  label={t('profile.careerFrom')}
                  name={`career-${index}-from`}
                  value={entry.from ?? ''}
                  onChange={(from) => setCareer(career.map((e, i) => (i === index ? { ...e, from } : e)))}
                />
                <Field
                  label={t('profile.careerTo')}
                  name={`career-${index}-to`}
                  value={entry.to ?? ''}
                  onChange={(to) => setCareer(career.map((e, i) => (i === index ? { ...e, to } : e)))}
                />
              </div>
              <button
                type="button"
                className="link-button"
                onClick={() => setCareer(career.filter((_, i) => i !== index))}
              >
                {t('profile.removeCareer')}
              </button>
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => setCareer([...career, { company: '' }])}>
            {t('profile.addCareer')}
          </button>
        </fieldset>
        {visible('career')}

        <fieldset>
          <legend>{t('profile.links')}</legend>
          {links.map((link, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
            <div className="row" key={index}>
              <Field
                label={t('profile.linkLabel')}
                name={`link-${index}-label`}
                value={link.label}
                error={fieldErrorOf(error, `links.${index}.label`)}
                onChange={(label) => setLinks(links.map((l, i) => (i === index ? { ...l, label } : l)))}
              />
              <Field
                label={t('profile.linkUrl')}
                name={`link-${index}-url`}
                type="url"
                value={link.url}
                error={fieldErrorOf(error, `links.${index}.url`)}
                onChange={(url) => setLinks(links.map((l, i) => (i === index ? { ...l, url } : l)))}
              />
              <button
                type="button"
                className="link-button"
                onClick={() => setLinks(links.filter((_, i) => i !== index))}
              >
                {t('profile.removeLink')}
              </button>
            </div>
          ))}
          {links.length < 5 && (
            <button
              type="button"
              className="secondary"
              onClick={() => setLinks([...links, { label: '', url: '' }])}
            >
              {t('profile.addLink')}
            </button>
          )}
        </fieldset>
        {visible('links')}

        <h3>{t('profile.tenure')}</h3>
        <p className="hint">{t('profile.showTenureHint')}</p>
        {visible('tenure')}

        <div className="choice">
          <input
            type="checkbox"
            id="accepts-messages"
            checked={acceptsMessages}
            onChange={(event) => setAcceptsMessages(event.target.checked)}
          />
          <label htmlFor="accepts-messages">{t('profile.acceptsMessages')}</label>
        </div>
        <div className="choice">
          <input
            type="checkbox"
            id="findable-by-former-names"
            checked={findableByFormerNames}
            onChange={(event) => setFindableByFormerNames(event.target.checked)}
          />
          <label htmlFor="findable-by-former-names">{t('profile.findableByFormerNames')}</label>
        </div>
        <p className="hint">{t('profile.findableByFormerNamesHint')}</p>
        <FormError error={error} />
        {notice && <Notice>{notice}</Notice>}
        <button type="submit">{t('profile.save')}</button>
      </form>

      <NotificationSettings />
      <PrivacySettings />
    </section>
  );
}

function withoutBlanks(entry: CareerEntry): CareerEntry {
  return {
    company: entry.company.trim(),
    ...(entry.title?.trim() ? { title: entry.title.trim() } : {}),
    ...(entry.from?.trim() ? { from: entry.from.trim() } : {}),
    ...(entry.to?.trim() ? { to: entry.to.trim() } : {}),
  };
}
