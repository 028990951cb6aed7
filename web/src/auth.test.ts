import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from './api';
import { refreshSession, restoreSession } from './auth';
import { ApiError } from './problem';
import { endSession, maySessionBeRestored, session, startSession } from './session';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 300 ? 'application/json' : 'application/problem+json' } });

/** Answers by path; records every call's path and bearer token. */
function scripted(routes: Record<string, Array<() => Response>>, calls: string[]): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input);
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push(`${path} ${headers.authorization ?? '-'} ${headers['x-orderchainer-client']}`);
    const next = routes[path]?.shift();
    return next ? next() : json(404, { status: 404, detail: 'no script' });
  }) as typeof fetch;
}

afterEach(() => endSession());

describe('refreshing the session', () => {
  it('retries a call once with the new access token after a 401', async () => {
    startSession('old', 1800, 'ada');
    const calls: string[] = [];
    const client = new ApiClient(scripted({
      '/api/orders': [() => json(401, { status: 401, detail: 'expired' }), () => json(200, { items: [] })],
      '/api/auth/refresh': [() => json(200, { access_token: 'new', token_type: 'bearer', expires_in: 1800 })],
    }, calls));
    client.onUnauthorized = () => refreshSession(client, undefined);
    await expect(client.get('/api/orders')).resolves.toEqual({ items: [] });
    expect(calls).toEqual(['/api/orders Bearer old web', '/api/auth/refresh Bearer old web', '/api/orders Bearer new web']);
    expect(session()?.accessToken).toBe('new');
  });

  it('ends the session when the refresh is refused too, without looping', async () => {
    startSession('old', 1800, 'ada');
    const calls: string[] = [];
    const client = new ApiClient(scripted({
      '/api/orders': [() => json(401, { status: 401, detail: 'revoked' })],
      '/api/auth/refresh': [() => json(401, { status: 401, detail: 'session ended' })],
    }, calls));
    client.onUnauthorized = () => refreshSession(client, undefined);
    const error = await client.get('/api/orders').catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(401);
    expect(calls).toHaveLength(2);
    expect(session()).toBeNull();
  });

  it('runs under one Web Lock so tabs never present the same refresh cookie at once', async () => {
    const taken: string[] = [];
    const locks = { request: <T>(name: string, callback: () => Promise<T>) => { taken.push(name); return callback(); } };
    const client = new ApiClient(scripted({
      '/api/auth/refresh': [() => json(200, { access_token: 'fresh', token_type: 'bearer', expires_in: 60 })],
    }, []));
    await expect(refreshSession(client, locks)).resolves.toBe(true);
    expect(taken).toEqual(['orderchainer-refresh']);
    expect(session()?.accessToken).toBe('fresh');
    await expect(refreshSession(client, locks)).resolves.toBe(false);
  });
});

describe('restoring a session at start', () => {
  it('asks nothing on a first visit: there is no cookie to present', async () => {
    localStorage.clear();
    const calls: string[] = [];
    await expect(restoreSession(new ApiClient(scripted({}, calls)), undefined)).resolves.toBe(false);
    expect(calls).toEqual([]);
  });

  it('refreshes after a reload of a browser that signed in, and forgets it once refused', async () => {
    startSession('earlier', 1800, 'ada');
    expect(maySessionBeRestored()).toBe(true);
    const calls: string[] = [];
    const client = new ApiClient(scripted({
      '/api/auth/refresh': [
        () => json(200, { access_token: 'restored', token_type: 'bearer', expires_in: 1800 }),
        () => json(401, { status: 401, detail: 'the refresh token was revoked' }),
      ],
    }, calls));
    await expect(restoreSession(client, undefined)).resolves.toBe(true);
    expect(session()?.accessToken).toBe('restored');
    await expect(restoreSession(client, undefined)).resolves.toBe(false);
    expect(maySessionBeRestored()).toBe(false);
    await expect(restoreSession(client, undefined)).resolves.toBe(false);
    expect(calls).toHaveLength(2);
  });

  it('signing out forgets that this browser was signed in', () => {
    startSession('t', 60, 'ada');
    endSession();
    expect(maySessionBeRestored()).toBe(false);
  });
});
