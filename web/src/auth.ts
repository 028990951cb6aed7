import { api, type ApiClient, type TokenAnswer } from './api';
import { ApiError } from './problem';
import { endSession, maySessionBeRestored, onSessionChange, session, startSession } from './session';

const LOCK = 'orderchainer-refresh';
/** Refresh this long before the access token expires, so a request never meets an expired one. */
const EARLY_MS = 60_000;

interface LockManager {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/**
 * Swaps the refresh cookie for a new access token (and a rotated cookie). Tabs share the cookie: two
 * presenting it at once would look like reuse and end the session, so every tab takes the same Web
 * Lock and refreshes one after the other, each with the cookie the previous one left.
 */
export async function refreshSession(client: ApiClient = api, locks: LockManager | undefined = webLocks()): Promise<boolean> {
  const attempt = async () => {
    try {
      const tokens = await client.send<TokenAnswer>('POST', '/api/auth/refresh', {});
      startSession(tokens.access_token, tokens.expires_in, session()?.username ?? '');
      return true;
    } catch (error) {
      if (error instanceof ApiError) {
        // Refused: there is no session to restore (a network failure proves nothing either way).
        endSession();
      }
      return false;
    }
  };
  return locks ? locks.request(LOCK, attempt) : attempt();
}

/** At start: restores the session a reload left, asking the API only when this browser had signed in. */
export function restoreSession(client: ApiClient = api, locks: LockManager | undefined = webLocks()): Promise<boolean> {
  return maySessionBeRestored() ? refreshSession(client, locks) : Promise.resolve(false);
}

function webLocks(): LockManager | undefined {
  return typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Wires the client's one retry after a 401 and the refresh shortly before expiry; call once at start. */
export function keepSessionFresh(client: ApiClient = api): void {
  client.onUnauthorized = () => refreshSession(client);
  onSessionChange((current) => {
    clearTimeout(timer);
    if (current) {
      timer = setTimeout(() => void refreshSession(client), Math.max(0, current.expiresAt - Date.now() - EARLY_MS));
    }
  });
}
