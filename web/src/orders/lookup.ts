import { useEffect, useState } from 'preact/hooks';
import { api, type ApiClient, type Order, type OrderPage } from '../api';
import { ApiError } from '../problem';
import { workspacePath } from '../workspace';

/** At most this many orders are looked up for one list; longer lists show the rest by id. */
export const LOOKUP_LIMIT = 100;
/** Parallel lookups: a browser keeps about six connections per origin anyway. */
const PARALLEL = 6;

/** What a lookup found: the order, or null when it no longer exists (deleted since it was named). */
export type Found = Map<string, Order | null>;

/**
 * Looks orders up by id, a few at a time. A 404 means the order is gone (null); any other problem
 * leaves the id out, so the page still shows it as a plain link.
 */
export async function lookUpOrders(ids: string[], client: ApiClient = api, orders = workspacePath('/orders')): Promise<Found> {
  const found: Found = new Map();
  const queue = [...new Set(ids)].slice(0, LOOKUP_LIMIT);
  async function worker() {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        found.set(id, await client.get<Order>(`${orders}/${encodeURIComponent(id)}`));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          found.set(id, null);
        }
      }
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return found;
}

/** The orders named by {@code ids}, looked up again whenever the ids change. */
export function useOrders(ids: string[]): Found {
  const [found, setFound] = useState<Found>(new Map());
  const key = ids.join(',');
  useEffect(() => {
    let current = true;
    if (ids.length === 0) {
      setFound(new Map());
      return;
    }
    void lookUpOrders(ids).then((result) => current && setFound(result));
    return () => {
      current = false;
    };
  }, [key]);
  return found;
}

/** Every order of the workspace, page by page, up to {@code max} (the picker searches these). */
export async function allOrders(client: ApiClient = api, max = 2000, path = workspacePath('/orders')): Promise<{ orders: Order[]; complete: boolean }> {
  const orders: Order[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=100&cursor=${encodeURIComponent(cursor)}` : '?limit=100';
    const page: OrderPage = await client.get<OrderPage>(`${path}${query}`);
    orders.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && orders.length < max);
  return { orders, complete: cursor === null };
}

/** Orders whose title or id contains every word of the query (case-insensitive), best first: title starts with it. */
export function searchOrders(orders: Order[], query: string, limit = 8): Order[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return orders.slice(0, limit);
  }
  const hits = orders.filter((order) => {
    const text = `${order.title} ${order.id}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
  const first = words[0];
  hits.sort((a, b) => Number(!a.title.toLowerCase().startsWith(first)) - Number(!b.title.toLowerCase().startsWith(first)));
  return hits.slice(0, limit);
}
