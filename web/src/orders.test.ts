import { describe, expect, it } from 'vitest';
import { ApiClient, type Order } from './api';
import { allOrders, LOOKUP_LIMIT, lookUpOrders, searchOrders } from './orders/lookup';
import { changes } from './pages/OrderPage';

const order = (id: string, title = `Order ${id}`, extra: Partial<Order> = {}): Order => ({
  id, title, description: '', status: 'pending', dependencies: [], dependents: [], blocked_by: [], blocked_by_failure: [],
  auto_activate: false, created_at: '2026-11-25T10:00:00Z', updated_at: '2026-11-25T10:00:00Z', version: 1,
  assignee: null, created_by: 'u1', updated_by: 'u1', ...extra,
});

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fake API: GET /api/orders/{id} from a map (404 otherwise), counting calls and the most at once. */
function orderApi(orders: Map<string, Order>) {
  const seen = { calls: 0, inFlight: 0, most: 0 };
  const client = new ApiClient((async (input: RequestInfo | URL) => {
    seen.calls++;
    seen.inFlight++;
    seen.most = Math.max(seen.most, seen.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    seen.inFlight--;
    const id = decodeURIComponent(String(input).split('/').pop()!);
    if (id === 'broken') return json(503, { detail: 'down' });
    const found = orders.get(id);
    return found ? json(200, found) : json(404, { status: 404, detail: 'Order not found' });
  }) as typeof fetch);
  return { client, seen };
}

describe('looking orders up', () => {
  it('finds titles and statuses, marks deleted ones and leaves out ones it could not read', async () => {
    const { client } = orderApi(new Map([['a', order('a', 'Paper')], ['b', order('b', 'Ink', { status: 'completed' })]]));
    const found = await lookUpOrders(['a', 'b', 'gone', 'broken', 'a'], client, '/api/orders');
    expect(found.get('a')?.title).toBe('Paper');
    expect(found.get('b')?.status).toBe('completed');
    expect(found.get('gone')).toBeNull();
    expect(found.has('broken')).toBe(false);
  });

  it('asks at most six at a time and at most the lookup limit in all', async () => {
    const ids = Array.from({ length: LOOKUP_LIMIT + 20 }, (_, i) => `o${i}`);
    const { client, seen } = orderApi(new Map(ids.map((id) => [id, order(id)])));
    const found = await lookUpOrders(ids, client, '/api/orders');
    expect(found.size).toBe(LOOKUP_LIMIT);
    expect(seen.calls).toBe(LOOKUP_LIMIT);
    expect(seen.most).toBe(6);
  });

  it('pages through every order with the cursor until the cap', async () => {
    const urls: string[] = [];
    const pages = [{ items: [order('a')], next_cursor: 'c/1+' }, { items: [order('b')], next_cursor: null }];
    const client = new ApiClient((async (input: RequestInfo | URL) => {
      urls.push(String(input));
      return json(200, pages[urls.length - 1]);
    }) as typeof fetch);
    const all = await allOrders(client, 2000, '/api/orders');
    expect(all.orders.map((o) => o.id)).toEqual(['a', 'b']);
    expect(all.complete).toBe(true);
    expect(urls).toEqual(['/api/orders?limit=100', '/api/orders?limit=100&cursor=c%2F1%2B']);
    urls.length = 0;
    const capped = await allOrders(client, 1, '/api/orders');
    expect(capped).toMatchObject({ complete: false });
    expect(urls).toHaveLength(1);
  });
});

describe('the dependency search', () => {
  const orders = [order('01A', 'Buy paper'), order('01B', 'Print flyers'), order('01C', 'Paper recycling plan'), order('01D', 'Ship')];

  it('matches every word in title or id, titles starting with the first word first', () => {
    expect(searchOrders(orders, 'paper').map((o) => o.id)).toEqual(['01C', '01A']);
    expect(searchOrders(orders, 'PAPER buy').map((o) => o.id)).toEqual(['01A']);
    expect(searchOrders(orders, '01d').map((o) => o.title)).toEqual(['Ship']);
    expect(searchOrders(orders, 'nothing')).toEqual([]);
  });

  it('offers the first few when nothing is typed', () => {
    expect(searchOrders(orders, '  ', 2).map((o) => o.id)).toEqual(['01A', '01B']);
  });
});

describe('an edit', () => {
  const current = order('x', 'Paper', { description: 'A4', dependencies: ['a', 'b'] });

  it('sends only what changed', () => {
    expect(changes(current, { title: 'Paper', description: 'A4', dependencies: ['a', 'b'], auto_activate: false })).toEqual({});
    expect(changes(current, { title: 'Paper ', description: 'A4', dependencies: ['b'], auto_activate: true }))
      .toEqual({ title: 'Paper ', dependencies: ['b'], auto_activate: true });
  });

  it('sends an emptied dependency list and description', () => {
    expect(changes(current, { title: 'Paper', description: '', dependencies: [], auto_activate: false }))
      .toEqual({ description: '', dependencies: [] });
  });
});
