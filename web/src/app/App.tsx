import { useEffect, useState } from 'react';
import { BrowserRouter, Link, Navigate, Outlet, Route, Routes } from 'react-router';
import { AccountPage } from '../features/account/AccountPage';
import { AdminLayout } from '../features/admin/AdminLayout';
import { AuditPage } from '../features/admin/AuditPage';
import { MembersPage } from '../features/admin/MembersPage';
import { OverviewPage } from '../features/admin/OverviewPage';
import { SettingsPage } from '../features/admin/SettingsPage';
import { SignInPage } from '../features/auth/SignInPage';
import { SignUpPage } from '../features/auth/SignUpPage';
import { VerifyPage } from '../features/auth/VerifyPage';
import { CommunityLayout } from '../features/community/CommunityLayout';
import { ConversationPage } from '../features/community/ConversationPage';
import { DirectoryPage } from '../features/community/DirectoryPage';
import { GroupPage } from '../features/community/GroupPage';
import { GroupsPage } from '../features/community/GroupsPage';
import { HashtagPage } from '../features/community/HashtagPage';
import { HashtagsPage } from '../features/community/HashtagsPage';
import { InboxPage } from '../features/community/InboxPage';
import { MessagesPage } from '../features/community/MessagesPage';
import { ModerationPage } from '../features/community/ModerationPage';
import { NotificationsPage } from '../features/community/NotificationsPage';
import { PersonPage } from '../features/community/PersonPage';
import { PostPage } from '../features/community/PostPage';
import { ProfilePage } from '../features/community/ProfilePage';
import { UnsubscribePage } from '../features/community/UnsubscribePage';
import { WelcomePage } from '../features/community/WelcomePage';
import { MailboxPage } from '../features/devtools/MailboxPage';
import { InviteLandingPage } from '../features/invite/InviteLandingPage';
import { JoinRequestPage } from '../features/join/JoinRequestPage';
import { CustomFieldsPage } from '../features/registry/CustomFieldsPage';
import { ImportDetailPage } from '../features/registry/ImportDetailPage';
import { ImportPage } from '../features/registry/ImportPage';
import { InvitationsPage } from '../features/registry/InvitationsPage';
import { InvitePage } from '../features/registry/InvitePage';
import { RecordPage } from '../features/registry/RecordPage';
import { RegistryPage } from '../features/registry/RegistryPage';
import { RequestsPage } from '../features/registry/RequestsPage';
import { SegmentsPage } from '../features/registry/SegmentsPage';
import { HomePage } from '../features/tenancy/HomePage';
import { LandingPage } from '../features/tenancy/LandingPage';
import { TenantChooser } from '../features/tenancy/TenantChooser';
import { api } from './api';
import { I18nProvider, useI18n } from './i18n';
import { SessionProvider, useSession } from './session';
import { Loading } from './ui';

function OfflineBanner() {
  const { t } = useI18n();
  const [offline, setOffline] = useState(!navigator.onLine);
  useEffect(() => {
    const update = () => setOffline(!navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return offline ? (
    <p className="alert alert-info offline" role="status">
      {t('offline.banner')}
    </p>
  ) : null;
}

function Layout() {
  const { t, locale, setLocale } = useI18n();
  const { session } = useSession();
  const signOut = async () => {
    await api('POST', '/auth/sign-out');
    // A full load, not a client-side route change: nothing of the signed-out person stays in memory,
    // and no guarded page can redirect on the stale session while it is being refreshed.
    window.location.assign('/');
  };
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link to={session?.signedIn ? '/tenants' : '/'} className="brand" aria-label={t('app.name')}>
          <span aria-hidden="true">縁</span> Enishi
        </Link>
        <nav aria-label={t('nav.account')} className="topnav">
          <button
            type="button"
            className="link-button"
            lang={locale === 'ja' ? 'en' : 'ja'}
            onClick={() => setLocale(locale === 'ja' ? 'en' : 'ja')}
          >
            {locale === 'ja' ? 'English' : '日本語'}
          </button>
          {session?.signedIn ? (
            <>
              <Link to="/account">{t('nav.account')}</Link>
              <button type="button" className="link-button" onClick={signOut}>
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            <Link to="/signin">{t('nav.signIn')}</Link>
          )}
        </nav>
      </header>
      <OfflineBanner />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

/** Pages behind sign-in send a signed-out visitor to the sign-in page and back afterwards. */
function RequireSignIn() {
  const { session } = useSession();
  if (!session) return <Loading />;
  if (!session.signedIn) {
    const next = encodeURIComponent(window.location.pathname);
    return <Navigate to={`/signin?next=${next}`} replace />;
  }
  return <Outlet />;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <section className="card">
      <h1>{t('common.notFound')}</h1>
      <Link to="/">{t('common.backHome')}</Link>
    </section>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<LandingPage />} />
              <Route path="signin" element={<SignInPage />} />
              <Route path="signup" element={<SignUpPage />} />
              <Route path="auth/verify" element={<VerifyPage />} />
              <Route path="dev/mailbox" element={<MailboxPage />} />
              <Route path="invite/:slug" element={<InviteLandingPage />} />
              <Route path="join/:slug" element={<JoinRequestPage />} />
              <Route path="unsubscribe/:slug" element={<UnsubscribePage />} />
              <Route element={<RequireSignIn />}>
                <Route path="tenants" element={<TenantChooser />} />
                <Route path="account" element={<AccountPage />} />
                <Route path="t/:slug" element={<CommunityLayout />}>
                  <Route index element={<HomePage />} />
                  <Route path="welcome" element={<WelcomePage />} />
                  <Route path="people" element={<DirectoryPage />} />
                  <Route path="people/:id" element={<PersonPage />} />
                  <Route path="groups" element={<GroupsPage />} />
                  <Route path="groups/:id" element={<GroupPage />} />
                  <Route path="hashtags" element={<HashtagsPage />} />
                  <Route path="hashtags/:tag" element={<HashtagPage />} />
                  <Route path="me" element={<ProfilePage />} />
                  <Route path="moderation" element={<ModerationPage />} />
                  <Route path="notifications" element={<NotificationsPage />} />
                  <Route path="posts/:id" element={<PostPage />} />
                  <Route path="messages" element={<MessagesPage />} />
                  <Route path="messages/:id" element={<ConversationPage />} />
                  <Route path="inbox" element={<InboxPage />} />
                  <Route path="inbox/:id" element={<ConversationPage backTo="inbox" />} />
                </Route>
                <Route path="t/:slug/admin" element={<AdminLayout />}>
                  <Route index element={<OverviewPage />} />
                  <Route path="members" element={<MembersPage />} />
                  <Route path="registry" element={<RegistryPage />} />
                  <Route path="registry/:id" element={<RecordPage />} />
                  <Route path="import" element={<ImportPage />} />
                  <Route path="import/:id" element={<ImportDetailPage />} />
                  <Route path="invite" element={<InvitePage />} />
                  <Route path="invitations" element={<InvitationsPage />} />
                  <Route path="segments" element={<SegmentsPage />} />
                  <Route path="requests" element={<RequestsPage />} />
                  <Route path="fields" element={<CustomFieldsPage />} />
                  <Route path="audit" element={<AuditPage />} />
                  <Route path="settings" element={<SettingsPage />} />
                </Route>
              </Route>
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
