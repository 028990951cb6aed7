/**
 * The signed-in session: the access token lives in memory only (never in storage a script could
 * read later), with the moment it expires and who it belongs to.
 */
export interface Session {
  accessToken: string;
  expiresAt: number;
  username: string;
  /** The token's subject: the user's id (the personal workspace's id, and what member lists and orders name). */
  userId: string;
}

type Listener = (session: Session | null) => void;

/**
 * Remembers (not the token: only that one was issued) that this browser signed in, so a reload asks for a
 * refresh only when there may be a refresh cookie to present; a first visit asks nothing (the cookie is
 * HttpOnly: the page cannot see it).
 */
const SIGNED_IN = 'orderchainer.signed-in';

let current: Session | null = null;
const listeners = new Set<Listener>();

export function session(): Session | null {
  return current;
}

export function startSession(accessToken: string, expiresInSeconds: number, username: string, now = Date.now()): Session {
  current = { accessToken, expiresAt: now + expiresInSeconds * 1000, username, userId: subjectOf(accessToken) };
  remember(true);
  listeners.forEach((listener) => listener(current));
  return current;
}

export function endSession(): void {
  current = null;
  remember(false);
  listeners.forEach((listener) => listener(null));
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether this browser may hold a session to restore (it signed in and has not signed out since). */
export function maySessionBeRestored(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN) === '1';
  } catch {
    return true;
  }
}

function remember(signedIn: boolean): void {
  try {
    if (signedIn) {
      localStorage.setItem(SIGNED_IN, '1');
    } else {
      localStorage.removeItem(SIGNED_IN);
    }
  } catch {
    // Storage refused (a private window's policy): a reload then simply asks.
  }
}

/** The subject claim of a JWT, read (not verified: the API verifies it) to know who the page acts as; '' if unreadable. */
export function subjectOf(token: string): string {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), '='))) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : '';
  } catch {
    return '';
  }
}
