import type { Locale } from '../i18n/messages.js';

export function presentAccount(account: { id: string; email: string; displayName: string; locale: Locale }) {
  return { id: account.id, email: account.email, displayName: account.displayName, locale: account.locale };
}

export function presentSession(
  session: {
    id: string;
    method: string;
    userAgent: string;
    ipAddress: string;
    createdAt: Date;
    lastSeenAt: Date;
  },
  currentSessionId: string,
) {
  return {
    id: session.id,
    method: session.method,
    userAgent: session.userAgent,
    ipAddress: session.ipAddress,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    current: session.id === currentSessionId,
  };
}

export function presentPasskey(key: {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  backedUp: boolean;
}) {
  return {
    id: key.id,
    name: key.name,
    backedUp: key.backedUp,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  };
}
