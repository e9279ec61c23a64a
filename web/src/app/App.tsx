import { QueryClientProvider } from '@tanstack/react-query';
import { CircleUserRound, Languages, LogOut } from 'lucide-react';
import { type ComponentType, lazy, Suspense, useEffect, useState } from 'react';
import { BrowserRouter, Link, Navigate, Outlet, Route, Routes } from 'react-router';
import { call, client } from './api';
import { I18nProvider, type Locale, loadConsoleMessages, useI18n } from './i18n';
import { createQueryClient } from './query';
import { SessionProvider, useSession } from './session';
import { NotFoundPage } from './status-pages';
import { Loading } from './ui';

/**
 * Every screen is its own chunk, loaded when its route is first visited: an alumnus never
 * downloads the HR console, and the first load carries only the shell and the page asked for.
 */
function page<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  return lazy(async () => ({ default: await load() }));
}

/** The console's layout: it comes with the console's own messages, which every screen inside it uses. */
function consolePage<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  return lazy(async () => {
    const [component] = await Promise.all([load(), loadConsoleMessages()]);
    return { default: component };
  });
}

const AccountPage = page(() => import('../features/account/AccountPage').then((m) => m.AccountPage));
const AdminLayout = consolePage(() => import('../features/admin/AdminLayout').then((m) => m.AdminLayout));
const AuditPage = page(() => import('../features/admin/AuditPage').then((m) => m.AuditPage));
const MembersPage = page(() => import('../features/admin/MembersPage').then((m) => m.MembersPage));
const OverviewPage = page(() => import('../features/admin/OverviewPage').then((m) => m.OverviewPage));
const SettingsPage = page(() => import('../features/admin/SettingsPage').then((m) => m.SettingsPage));
const SignInPage = page(() => import('../features/auth/SignInPage').then((m) => m.SignInPage));
const SignUpPage = page(() => import('../features/auth/SignUpPage').then((m) => m.SignUpPage));
const VerifyPage = page(() => import('../features/auth/VerifyPage').then((m) => m.VerifyPage));
const CommunityLayout = page(() =>
  import('../features/community/CommunityLayout').then((m) => m.CommunityLayout),
);
const ConversationPage = page(() =>
  import('../features/community/ConversationPage').then((m) => m.ConversationPage),
);
const DirectoryPage = page(() => import('../features/community/DirectoryPage').then((m) => m.DirectoryPage));
const GroupPage = page(() => import('../features/community/GroupPage').then((m) => m.GroupPage));
const GroupsPage = page(() => import('../features/community/GroupsPage').then((m) => m.GroupsPage));
const HashtagPage = page(() => import('../features/community/HashtagPage').then((m) => m.HashtagPage));
const HashtagsPage = page(() => import('../features/community/HashtagsPage').then((m) => m.HashtagsPage));
const InboxPage = page(() => import('../features/community/InboxPage').then((m) => m.InboxPage));
const MessagesPage = page(() => import('../features/community/MessagesPage').then((m) => m.MessagesPage));
const ModerationPage = page(() =>
  import('../features/community/ModerationPage').then((m) => m.ModerationPage),
);
const NotificationsPage = page(() =>
  import('../features/community/NotificationsPage').then((m) => m.NotificationsPage),
);
const PersonPage = page(() => import('../features/community/PersonPage').then((m) => m.PersonPage));
const PostPage = page(() => import('../features/community/PostPage').then((m) => m.PostPage));
const ProfilePage = page(() => import('../features/community/ProfilePage').then((m) => m.ProfilePage));
const StopMailPage = page(() => import('../features/programmes/StopMailPage').then((m) => m.StopMailPage));
const UnsubscribePage = page(() =>
  import('../features/community/UnsubscribePage').then((m) => m.UnsubscribePage),
);
const WelcomePage = page(() => import('../features/community/WelcomePage').then((m) => m.WelcomePage));
const MailboxPage = page(() => import('../features/devtools/MailboxPage').then((m) => m.MailboxPage));
const InviteLandingPage = page(() =>
  import('../features/invite/InviteLandingPage').then((m) => m.InviteLandingPage),
);
const JoinRequestPage = page(() => import('../features/join/JoinRequestPage').then((m) => m.JoinRequestPage));
const CustomFieldsPage = page(() =>
  import('../features/registry/CustomFieldsPage').then((m) => m.CustomFieldsPage),
);
const ImportDetailPage = page(() =>
  import('../features/registry/ImportDetailPage').then((m) => m.ImportDetailPage),
);
const ImportPage = page(() => import('../features/registry/ImportPage').then((m) => m.ImportPage));
const InvitationsPage = page(() =>
  import('../features/registry/InvitationsPage').then((m) => m.InvitationsPage),
);
const InvitePage = page(() => import('../features/registry/InvitePage').then((m) => m.InvitePage));
const RecordPage = page(() => import('../features/registry/RecordPage').then((m) => m.RecordPage));
const RegistryPage = page(() => import('../features/registry/RegistryPage').then((m) => m.RegistryPage));
const RequestsPage = page(() => import('../features/registry/RequestsPage').then((m) => m.RequestsPage));
const SegmentsPage = page(() => import('../features/registry/SegmentsPage').then((m) => m.SegmentsPage));
const ArticleEditorPage = page(() =>
  import('../features/news/ArticleEditorPage').then((m) => m.ArticleEditorPage),
);
const ArticlePage = page(() => import('../features/news/ArticlePage').then((m) => m.ArticlePage));
const NewsDeskPage = page(() => import('../features/news/NewsDeskPage').then((m) => m.NewsDeskPage));
const NewsPage = page(() => import('../features/news/NewsPage').then((m) => m.NewsPage));
const NewslettersPage = page(() =>
  import('../features/news/newsletters/NewslettersPage').then((m) => m.NewslettersPage),
);
const NewsletterDeliveriesPage = page(() =>
  import('../features/news/newsletters/NewsletterDeliveriesPage').then((m) => m.NewsletterDeliveriesPage),
);
const NewsletterEditorPage = page(() =>
  import('../features/news/newsletters/NewsletterEditorPage').then((m) => m.NewsletterEditorPage),
);
const OpportunitiesPage = page(() =>
  import('../features/opportunities/OpportunitiesPage').then((m) => m.OpportunitiesPage),
);
const OpportunityPage = page(() =>
  import('../features/opportunities/OpportunityPage').then((m) => m.OpportunityPage),
);
const AdminOpportunitiesPage = page(() =>
  import('../features/opportunities/AdminOpportunitiesPage').then((m) => m.AdminOpportunitiesPage),
);
const ChatsPage = page(() => import('../features/opportunities/ChatsPage').then((m) => m.ChatsPage));
const AdminChatsPage = page(() =>
  import('../features/opportunities/AdminChatsPage').then((m) => m.AdminChatsPage),
);
const AdminOpportunityPage = page(() =>
  import('../features/opportunities/AdminOpportunityPage').then((m) => m.AdminOpportunityPage),
);
const AdminPipelinePage = page(() =>
  import('../features/opportunities/AdminOpportunityPage').then((m) => m.AdminPipelinePage),
);
const AdminEventsPage = page(() =>
  import('../features/events/admin/AdminEventsPage').then((m) => m.AdminEventsPage),
);
const AdminEventEditorPage = page(() =>
  import('../features/events/admin/AdminEventEditorPage').then((m) => m.AdminEventEditorPage),
);
const AdminEventRegistrationsPage = page(() =>
  import('../features/events/admin/AdminEventRegistrationsPage').then((m) => m.AdminEventRegistrationsPage),
);
const AdminEventCheckInPage = page(() =>
  import('../features/events/admin/AdminEventCheckInPage').then((m) => m.AdminEventCheckInPage),
);
const AdminEventMaterialsPage = page(() =>
  import('../features/events/admin/AdminEventMaterialsPage').then((m) => m.AdminEventMaterialsPage),
);
const AdminEventSurveyPage = page(() =>
  import('../features/events/admin/AdminEventSurveyPage').then((m) => m.AdminEventSurveyPage),
);
const AnswerSurveyPage = page(() =>
  import('../features/surveys/AnswerSurveyPage').then((m) => m.AnswerSurveyPage),
);
const ExitSurveyPage = page(() => import('../features/surveys/ExitSurveyPage').then((m) => m.ExitSurveyPage));
const LinkedSurveyPage = page(() =>
  import('../features/surveys/LinkedSurveyPage').then((m) => m.LinkedSurveyPage),
);
const EventPage = page(() => import('../features/events/EventPage').then((m) => m.EventPage));
const EventsPage = page(() => import('../features/events/EventsPage').then((m) => m.EventsPage));
const MySurveysPage = page(() => import('../features/surveys/MySurveysPage').then((m) => m.MySurveysPage));
const SurveyEditorPage = page(() =>
  import('../features/surveys/SurveyEditorPage').then((m) => m.SurveyEditorPage),
);
const SurveyReportPage = page(() =>
  import('../features/surveys/SurveyReportPage').then((m) => m.SurveyReportPage),
);
const SurveyResultsPage = page(() =>
  import('../features/surveys/SurveyResultsPage').then((m) => m.SurveyResultsPage),
);
const SurveysPage = page(() => import('../features/surveys/SurveysPage').then((m) => m.SurveysPage));
const ProposalsPage = page(() => import('../features/proposals/ProposalsPage').then((m) => m.ProposalsPage));
const ProposalPage = page(() => import('../features/proposals/ProposalsPage').then((m) => m.ProposalPage));
const ProposalsDeskPage = page(() =>
  import('../features/proposals/ProposalsDeskPage').then((m) => m.ProposalsDeskPage),
);
const OutcomesPage = page(() => import('../features/outcomes/OutcomesPage').then((m) => m.OutcomesPage));
const OutcomesReportPage = page(() => import('../features/outcomes/ReportPage').then((m) => m.ReportPage));
const HomePage = page(() => import('../features/tenancy/HomePage').then((m) => m.HomePage));
const LandingPage = page(() => import('../features/tenancy/LandingPage').then((m) => m.LandingPage));
const TenantChooser = page(() => import('../features/tenancy/TenantChooser').then((m) => m.TenantChooser));

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
    await call(client.POST('/v1/auth/sign-out'));
    // A full load, not a client-side route change: nothing of the signed-out person stays in memory,
    // and no guarded page can redirect on the stale session while it is being refreshed.
    window.location.assign('/');
  };
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {/* One row on a 360 px phone in both languages: on a narrow screen the account and sign-out
          links show their icons, with their names kept for screen readers (e2e/shell.e2e.test.ts). */}
      <header className="topbar">
        <Link to={session?.signedIn ? '/tenants' : '/'} className="brand">
          <span aria-hidden="true">縁</span> Enishi
        </Link>
        <nav aria-label={t('nav.account')} className="topnav">
          <button
            type="button"
            className="link-button topnav-item"
            lang={locale === 'ja' ? 'en' : 'ja'}
            onClick={() => setLocale(locale === 'ja' ? 'en' : 'ja')}
          >
            <Languages aria-hidden="true" className="icon" />
            {locale === 'ja' ? 'English' : '日本語'}
          </button>
          {session?.signedIn ? (
            <>
              <Link to="/account" className="topnav-item">
                <CircleUserRound aria-hidden="true" className="icon" />
                <span className="topnav-label">{t('nav.account')}</span>
              </Link>
              <button type="button" className="link-button topnav-item" onClick={signOut}>
                <LogOut aria-hidden="true" className="icon" />
                <span className="topnav-label">{t('nav.signOut')}</span>
              </button>
            </>
          ) : (
            <Link to="/signin" className="topnav-item">
              {t('nav.signIn')}
            </Link>
          )}
        </nav>
      </header>
      <OfflineBanner />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
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

const queryClient = createQueryClient();

export function App({ locale }: { locale: Locale }) {
  return (
    <I18nProvider initial={locale}>
      <QueryClientProvider client={queryClient}>
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
                <Route path="stop/:slug" element={<StopMailPage />} />
                <Route path="s/:slug" element={<LinkedSurveyPage />} />
                <Route path="exit/:slug" element={<ExitSurveyPage />} />
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
                    <Route path="news" element={<NewsPage />} />
                    <Route path="news/:id" element={<ArticlePage />} />
                    <Route path="messages" element={<MessagesPage />} />
                    <Route path="messages/:id" element={<ConversationPage />} />
                    <Route path="inbox" element={<InboxPage />} />
                    <Route path="opportunities" element={<OpportunitiesPage />} />
                    <Route path="opportunities/:id" element={<OpportunityPage />} />
                    <Route path="chats" element={<ChatsPage />} />
                    <Route path="inbox/:id" element={<ConversationPage backTo="inbox" />} />
                    <Route path="events" element={<EventsPage />} />
                    <Route path="events/:id" element={<EventPage />} />
                    <Route path="surveys" element={<MySurveysPage />} />
                    <Route path="surveys/:id" element={<AnswerSurveyPage />} />
                    <Route path="proposals" element={<ProposalsPage />} />
                    <Route path="proposals/:id" element={<ProposalPage />} />
                  </Route>
                  <Route path="t/:slug/admin" element={<AdminLayout />}>
                    <Route index element={<OverviewPage />} />
                    <Route path="members" element={<MembersPage />} />
                    <Route path="news" element={<NewsDeskPage />} />
                    <Route path="news/new" element={<ArticleEditorPage />} />
                    <Route path="news/:id" element={<ArticleEditorPage />} />
                    <Route path="news/newsletters" element={<NewslettersPage />} />
                    <Route path="news/newsletters/new" element={<NewsletterEditorPage />} />
                    <Route path="news/newsletters/:id" element={<NewsletterEditorPage />} />
                    <Route path="news/newsletters/:id/deliveries" element={<NewsletterDeliveriesPage />} />
                    <Route path="registry" element={<RegistryPage />} />
                    <Route path="registry/:id" element={<RecordPage />} />
                    <Route path="import" element={<ImportPage />} />
                    <Route path="import/:id" element={<ImportDetailPage />} />
                    <Route path="invite" element={<InvitePage />} />
                    <Route path="invitations" element={<InvitationsPage />} />
                    <Route path="segments" element={<SegmentsPage />} />
                    <Route path="requests" element={<RequestsPage />} />
                    <Route path="fields" element={<CustomFieldsPage />} />
                    <Route path="surveys" element={<SurveysPage />} />
                    <Route path="surveys/new" element={<SurveyEditorPage />} />
                    <Route path="surveys/:id/edit" element={<SurveyEditorPage />} />
                    <Route path="surveys/:id" element={<SurveyResultsPage />} />
                    <Route path="surveys/:id/report" element={<SurveyReportPage />} />
                    <Route path="proposals" element={<ProposalsDeskPage />} />
                    <Route path="outcomes" element={<OutcomesPage />} />
                    <Route path="outcomes/report" element={<OutcomesReportPage />} />
                    <Route path="audit" element={<AuditPage />} />
                    <Route path="settings" element={<SettingsPage />} />
                    <Route path="opportunities" element={<AdminOpportunitiesPage />} />
                    <Route path="opportunities/pipeline" element={<AdminPipelinePage />} />
                    <Route path="opportunities/:id" element={<AdminOpportunityPage />} />
                    <Route path="chats" element={<AdminChatsPage />} />
                    <Route path="events" element={<AdminEventsPage />} />
                    <Route path="events/new" element={<AdminEventEditorPage />} />
                    <Route path="events/:id" element={<AdminEventEditorPage />} />
                    <Route path="events/:id/registrations" element={<AdminEventRegistrationsPage />} />
                    <Route path="events/:id/check-in" element={<AdminEventCheckInPage />} />
                    <Route path="events/:id/materials" element={<AdminEventMaterialsPage />} />
                    <Route path="events/:id/survey" element={<AdminEventSurveyPage />} />
                  </Route>
                </Route>
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
