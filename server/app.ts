import { existsSync } from 'node:fs';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { directoryRoutes } from './modules/community/directory-routes.js';
import { groupRoutes } from './modules/community/groups/group-routes.js';
import { hashtagRoutes } from './modules/community/hashtags/hashtag-routes.js';
import { messageRoutes } from './modules/community/messages/message-routes.js';
import { moderationRoutes } from './modules/community/moderation/moderation-routes.js';
import { notificationRoutes } from './modules/community/notifications/notification-routes.js';
import { unsubscribeRoutes } from './modules/community/notifications/unsubscribe-routes.js';
import { commentRoutes } from './modules/community/posts/comment-routes.js';
import { postImageRoutes } from './modules/community/posts/post-image-routes.js';
import { postRoutes } from './modules/community/posts/post-routes.js';
import { suggestionRoutes } from './modules/community/posts/suggestion-routes.js';
import { profileRoutes } from './modules/community/profile-routes.js';
import { devRoutes } from './modules/devtools/routes.js';
import { eventFeedPublicRoutes, eventFeedRoutes } from './modules/events/feed-routes.js';
import { eventSurveyRoutes } from './modules/events/follow-up-routes.js';
import { eventImageRoutes } from './modules/events/image-routes.js';
import { eventMaterialRoutes } from './modules/events/material-routes.js';
import { eventMemberRoutes } from './modules/events/member-routes.js';
import { eventStaffRoutes } from './modules/events/staff-routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { articleRoutes } from './modules/news/article-routes.js';
import { deskRoutes } from './modules/news/desk-routes.js';
import { newsletterRoutes } from './modules/newsletters/newsletter-routes.js';
import { chatMemberRoutes, chatStaffRoutes } from './modules/opportunities/chat-routes.js';
import { interestFileRoutes } from './modules/opportunities/interest-file-routes.js';
import { MAX_INTEREST_FILE_BYTES } from './modules/opportunities/interest-files.js';
import { opportunityMemberRoutes } from './modules/opportunities/member-routes.js';
import { referralRoutes } from './modules/opportunities/referral-routes.js';
import { opportunityStaffRoutes } from './modules/opportunities/staff-routes.js';
import { outcomeActivityRoutes } from './modules/outcomes/activity/activity-routes.js';
import { outcomeEngagementRoutes } from './modules/outcomes/engagement/engagement-routes.js';
import { outcomesRoutes } from './modules/outcomes/outcomes-routes.js';
import { audienceRoutes } from './modules/programmes/audience/audience-routes.js';
import { mailTrackingRoutes } from './modules/programmes/delivery/mail-tracking-routes.js';
import { programmeUnsubscribeRoutes } from './modules/programmes/delivery/unsubscribe-routes.js';
import { memberProposalRoutes } from './modules/proposals/member-proposal-routes.js';
import { staffProposalRoutes } from './modules/proposals/staff-proposal-routes.js';
import { importRoutes } from './modules/registry/import/import-routes.js';
import {
  invitationPublicRoutes,
  invitationRoutes,
} from './modules/registry/invitations/invitation-routes.js';
import { joinRequestPublicRoutes, requestRoutes } from './modules/registry/requests/request-routes.js';
import { registryRoutes } from './modules/registry/routes.js';
import { exitLinkRoutes } from './modules/surveys/exit-link-routes.js';
import { exitLinkStaffRoutes, exitSurveySettingsRoutes } from './modules/surveys/exit-survey-routes.js';
import { memberSurveyRoutes } from './modules/surveys/member-survey-routes.js';
import { pulseRoutes } from './modules/surveys/pulse-routes.js';
import { reminderRoutes } from './modules/surveys/reminder-routes.js';
import { surveyLinkRoutes } from './modules/surveys/survey-link-routes.js';
import { surveyRoutes } from './modules/surveys/survey-routes.js';
import { signUpRoutes, tenantRoutes } from './modules/tenancy/routes.js';
import { accountRoutes } from './platform/auth/account-routes.js';
import { authRoutes } from './platform/auth/routes.js';
import { loadSession } from './platform/auth/sessions.js';
import { AppError } from './platform/errors.js';
import { apiDocs } from './platform/http/api-docs.js';
import { csrfProtection } from './platform/http/csrf.js';
import type { AppEnv, Deps } from './platform/http/env.js';
import { respondWithProblem } from './platform/http/problem.js';
import { refuseWhileStopping } from './platform/http/refuse-while-stopping.js';
import { preferAccountLocale, requestContext } from './platform/http/request-context.js';
import { createRequestGuard } from './platform/http/request-guard.js';
import { createRouter } from './platform/http/router.js';
import { securityHeaders } from './platform/http/security-headers.js';
import { serveWeb } from './platform/http/serve-web.js';
import { guardDevPages } from './platform/mail/dev-mailbox-access.js';

export const MAX_JSON_BODY_BYTES = 1024 * 1024;
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;

const apiDocument = {
  openapi: '3.1.0',
  servers: [{ url: '/api' }],
  info: {
    title: 'Enishi API',
    version: '1',
    description:
      'Alumni network API. Errors are application/problem+json (RFC 9457) with a stable `code`. ' +
      'State-changing requests need the `x-csrf-token` header echoing the `enishi_csrf` cookie.',
  },
};

/** Every API route, and the OpenAPI document built from their schemas at `/api/openapi.json`. */
export function createApiRouter() {
  const v1 = createRouter();
  v1.route('/', authRoutes);
  v1.route('/', accountRoutes);
  v1.route('/', signUpRoutes);
  v1.route('/', tenantRoutes as unknown as typeof v1);
  v1.route('/', registryRoutes as unknown as typeof v1);
  v1.route('/', importRoutes as unknown as typeof v1);
  v1.route('/', invitationRoutes as unknown as typeof v1);
  v1.route('/', invitationPublicRoutes);
  v1.route('/', requestRoutes as unknown as typeof v1);
  v1.route('/', joinRequestPublicRoutes);
  v1.route('/', profileRoutes as unknown as typeof v1);
  v1.route('/', directoryRoutes as unknown as typeof v1);
  v1.route('/', hashtagRoutes as unknown as typeof v1);
  v1.route('/', groupRoutes as unknown as typeof v1);
  v1.route('/', postRoutes as unknown as typeof v1);
  v1.route('/', suggestionRoutes as unknown as typeof v1);
  v1.route('/', postImageRoutes as unknown as typeof v1);
  v1.route('/', commentRoutes as unknown as typeof v1);
  v1.route('/', moderationRoutes as unknown as typeof v1);
  v1.route('/', messageRoutes as unknown as typeof v1);
  v1.route('/', notificationRoutes as unknown as typeof v1);
  v1.route('/', unsubscribeRoutes);
  v1.route('/', opportunityStaffRoutes as unknown as typeof v1);
  v1.route('/', opportunityMemberRoutes as unknown as typeof v1);
  v1.route('/', interestFileRoutes as unknown as typeof v1);
  v1.route('/', referralRoutes as unknown as typeof v1);
  v1.route('/', chatStaffRoutes as unknown as typeof v1);
  v1.route('/', chatMemberRoutes as unknown as typeof v1);
  v1.route('/', eventImageRoutes as unknown as typeof v1);
  v1.route('/', eventMaterialRoutes as unknown as typeof v1);
  v1.route('/', eventStaffRoutes as unknown as typeof v1);
  v1.route('/', eventSurveyRoutes as unknown as typeof v1);
  v1.route('/', eventMemberRoutes as unknown as typeof v1);
  v1.route('/', eventFeedRoutes as unknown as typeof v1);
  v1.route('/', eventFeedPublicRoutes);
  v1.route('/', articleRoutes as unknown as typeof v1);
  v1.route('/', deskRoutes as unknown as typeof v1);
  v1.route('/', newsletterRoutes as unknown as typeof v1);
  v1.route('/', audienceRoutes as unknown as typeof v1);
  v1.route('/', pulseRoutes as unknown as typeof v1);
  v1.route('/', exitSurveySettingsRoutes as unknown as typeof v1);
  v1.route('/', exitLinkStaffRoutes as unknown as typeof v1);
  v1.route('/', surveyRoutes as unknown as typeof v1);
  v1.route('/', reminderRoutes as unknown as typeof v1);
  v1.route('/', memberSurveyRoutes as unknown as typeof v1);
  v1.route('/', staffProposalRoutes as unknown as typeof v1);
  v1.route('/', memberProposalRoutes as unknown as typeof v1);
  v1.route('/', programmeUnsubscribeRoutes);
  v1.route('/', surveyLinkRoutes);
  v1.route('/', exitLinkRoutes);
  v1.route('/', outcomeActivityRoutes as unknown as typeof v1);
  v1.route('/', outcomeEngagementRoutes as unknown as typeof v1);
  v1.route('/', outcomesRoutes as unknown as typeof v1);

  const api = createRouter();
  api.route('/', healthRoutes);
  api.route('/', devRoutes);
  api.route('/v1', v1);
  api.doc31('/openapi.json', apiDocument);
  return api;
}

/** The OpenAPI document, without a server or a database (the web client's types are generated from it). */
export function openApiDocument() {
  return createApiRouter().getOpenAPI31Document(apiDocument);
}

export function createApp(deps: Deps, options: { webRoot?: string } = {}) {
  const app = new Hono<AppEnv>();
  app.use('*', requestContext(deps));
  app.use('*', securityHeaders(deps.config));
  app.use('*', refuseWhileStopping);
  const jsonLimit = bodyLimit({
    maxSize: MAX_JSON_BODY_BYTES,
    onError: () => {
      throw new AppError(413, 'payload_too_large');
    },
  });
  const photoLimit = bodyLimit({
    maxSize: MAX_PHOTO_BYTES,
    onError: () => {
      throw new AppError(413, 'photo_too_large');
    },
  });
  const interestFileLimit = bodyLimit({
    maxSize: MAX_INTEREST_FILE_BYTES,
    onError: () => {
      throw new AppError(413, 'interest_file_too_large');
    },
  });
  // File imports stream into storage and enforce their own, larger limit as they go.
  const isImport = (method: string, path: string) =>
    method === 'POST' && /^\/api\/v1\/t\/[^/]+\/registry\/imports$/.test(path);
  const isPhoto = (method: string, path: string) =>
    (method === 'PUT' && /^\/api\/v1\/t\/[^/]+\/community\/me\/photo$/.test(path)) ||
    (method === 'POST' && /^\/api\/v1\/t\/[^/]+\/community\/post-images$/.test(path)) ||
    (method === 'POST' && /^\/api\/v1\/t\/[^/]+\/news-desk\/images$/.test(path)) ||
    (method === 'POST' && /^\/api\/v1\/t\/[^/]+\/events\/images$/.test(path));
  const isInterestFile = (method: string, path: string) =>
    method === 'PUT' && /^\/api\/v1\/t\/[^/]+\/community\/opportunities\/[^/]+\/interest\/file$/.test(path);
  app.use('/api/*', (c, next) => {
    if (isImport(c.req.method, c.req.path)) return next();
    if (isInterestFile(c.req.method, c.req.path)) return interestFileLimit(c, next);
    return (isPhoto(c.req.method, c.req.path) ? photoLimit : jsonLimit)(c, next);
  });
  const requestGuard = createRequestGuard('/api');
  app.use('/api/*', csrfProtection, requestGuard.middleware, loadSession, preferAccountLocale);

  const api = createApiRouter();
  requestGuard.learn(api.getOpenAPI31Document(apiDocument));
  app.route('/api', api);
  app.route('/api/docs', apiDocs('/api/openapi.json'));
  app.all('/api/*', () => {
    throw new AppError(404, 'not_found');
  });

  app.route('/mail', mailTrackingRoutes);

  app.use('/dev/*', guardDevPages);
  if (options.webRoot && existsSync(options.webRoot)) serveWeb(app, options.webRoot);
  app.onError((error, c) => respondWithProblem(error, c));
  app.notFound((c) => respondWithProblem(new AppError(404, 'not_found'), c));
  return app;
}
