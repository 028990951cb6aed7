import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from './api';
import { ApiError } from './problem';
import { endSession, session, startSession } from './session';

type Call = { url: string; init: RequestInit };

function fakeFetch(answer: () => Response, calls: Call[] = []): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    return answer();
  }) as typeof fetch;
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

afterEach(() => endSession());

describe('ApiClient', () => {
  it('sends JSON with the bearer token of the session and reads JSON back', async () => {
    startSession('tok-1', 1800, 'ada');
    const calls: Call[] = [];
    const client = new ApiClient(fakeFetch(() => json(201, { id: 'o1' }), calls));
    const created = await client.post<{ id: string }>('/api/orders', { title: 'Paper' });
    expect(created.id).toBe('o1');
    expect(calls[0].url).toBe('/api/orders');
    expect(calls[0].init.method).toBe('POST');
    const headers = calls[0].init.headers as Record<string, string>;
    expect(headers.authorization).toBe('Bearer tok-1');
    expect(headers['content-type']).toBe('application/json');
    expect(calls[0].init.body).toBe('{"title":"Paper"}');
  });

  it('sends no token and no content type when there is neither a session nor a body', async () => {
    const calls: Call[] = [];
    await new ApiClient(fakeFetch(() => json(200, {}), calls)).get('/api/health');
    const headers = calls[0].init.headers as Record<string, string>;
    expect(headers.authorization).toBeUndefined();
    expect(headers['content-type']).toBeUndefined();
    expect(calls[0].init.body).toBeUndefined();
  });

  it('throws problem+json answers as ApiError with every extension member', async () => {
    const client = new ApiClient(fakeFetch(() => json(409, {
      title: 'Conflict', status: 409, detail: 'not completed: A', blocked_by: ['A', 'B'],
    }, 'application/problem+json')));
    const error = await client.put('/api/orders/x', { status: 'active' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(409);
    expect((error as ApiError).message).toBe('not completed: A');
    expect((error as ApiError).orderIds()).toEqual(['A', 'B']);
  });

  it("turns API Gateway's own answers and network failures into problems too", async () => {
    const gateway = await new ApiClient(fakeFetch(() => json(404, { message: 'Not Found' }))).get('/api/x').catch((e) => e);
    expect((gateway as ApiError).problem).toMatchObject({ status: 404, detail: 'Not Found' });
    const html = await new ApiClient(fakeFetch(() => new Response('<h1>oops</h1>', { status: 502, headers: { 'content-type': 'text/html' } })))
      .get('/api/x').catch((e) => e);
    expect((html as ApiError).problem.detail).toMatch(/briefly unavailable/);
    const offline = await new ApiClient((async () => { throw new TypeError('network'); }) as typeof fetch).get('/api/x').catch((e) => e);
    expect((offline as ApiError).status).toBe(0);
  });

  it('ends the session when the API refuses its token and nothing can refresh it', async () => {
    startSession('expired', 1800, 'ada');
    const client = new ApiClient(fakeFetch(() => json(401, { status: 401, detail: 'Invalid token' }, 'application/problem+json')));
    await expect(client.get('/api/orders')).rejects.toBeInstanceOf(ApiError);
    expect(session()).toBeNull();
  });

  it('answers undefined for 204', async () => {
    startSession('tok', 1800, 'ada');
    await expect(new ApiClient(fakeFetch(() => new Response(null, { status: 204 }))).delete('/api/orders/x')).resolves.toBeUndefined();
  });
});
