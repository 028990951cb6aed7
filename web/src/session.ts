/**
 * The signed-in session: the access token lives in memory only (never in storage a script could
 * read later), with the moment it expires and who it belongs to.
 */
export interface Session {
  accessToken: string;
  expiresAt: number;
  username: string;
}

type Listener = (session: Session | null) => void;

let current: Session | null = null;
const listeners = new Set<Listener>();

export function session(): Session | null {
  return current;
}

export function startSession(accessToken: string, expiresInSeconds: number, username: string, now = Date.now()): Session {
  current = { accessToken, expiresAt: now + expiresInSeconds * 1000, username };
  listeners.forEach((listener) => listener(current));
  return current;
}

export function endSession(): void {
  current = null;
  listeners.forEach((listener) => listener(null));
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
