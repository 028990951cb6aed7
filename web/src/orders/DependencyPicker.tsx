import { useEffect, useState } from 'preact/hooks';
import type { Order } from '../api';
import { ORDER_DEPENDENCIES_MAX as MAX_DEPENDENCIES } from '../generated/contract';
import { allOrders, searchOrders } from './lookup';

/** The API's limit on an order's dependencies. */

/**
 * Chooses an order's dependencies: the chosen ones listed with a remove button each, and a search
 * over the user's orders (title or id) whose matches are buttons that add them. Plain buttons rather
 * than a combobox: every control is reachable with Tab and named for what it does.
 */
export function DependencyPicker(props: { value: string[]; onChange: (ids: string[]) => void; self?: string; error?: string }) {
  const [query, setQuery] = useState('');
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [complete, setComplete] = useState(true);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    allOrders().then(
      (result) => {
        setOrders(result.orders);
        setComplete(result.complete);
      },
      () => setFailed(true),
    );
  }, []);

  const chosen = new Set(props.value);
  const candidates = (orders ?? []).filter((o) => o.id !== props.self && !chosen.has(o.id));
  const matches = searchOrders(candidates, query);
  const full = props.value.length >= MAX_DEPENDENCIES;

  return (
    <fieldset class={props.error ? 'picker invalid' : 'picker'} aria-describedby={props.error ? 'dependencies-error' : undefined}>
      <legend>Depends on</legend>
      {props.value.length === 0 ? (
        <p class="muted">No dependencies: it can start at once.</p>
      ) : (
        <ul class="chosen">
          {props.value.map((id) => (
            <li key={id}>
              <span>{titleOf(id, orders)}</span>
              <button type="button" class="link" aria-label={`Remove dependency ${titleOf(id, orders)}`}
                onClick={() => props.onChange(props.value.filter((v) => v !== id))}>Remove</button>
            </li>
          ))}
        </ul>
      )}
      <label for="dependency-search">Find an order to depend on</label>
      <input id="dependency-search" type="search" autocomplete="off" value={query} disabled={full}
        placeholder={full ? `At most ${MAX_DEPENDENCIES} dependencies` : 'Title or id'}
        onInput={(e) => setQuery(e.currentTarget.value)} />
      {failed && <p class="error">Your orders could not be loaded; reload to try again.</p>}
      {orders === null && !failed && <p class="muted" aria-busy="true">Loading your orders…</p>}
      {orders !== null && !full && (
        <ul class="matches" aria-label="Matching orders">
          {matches.map((order) => (
            <li key={order.id}>
              <button type="button" class="secondary" onClick={() => props.onChange([...props.value, order.id])}>
                Add “{order.title}” <span class="muted">({order.status})</span>
              </button>
            </li>
          ))}
          {matches.length === 0 && <li class="muted">No other order matches.</li>}
        </ul>
      )}
      {!complete && <p class="hint">Searching the first {orders?.length} of your orders.</p>}
      {props.error && <div class="error" id="dependencies-error" role="alert">{props.error}</div>}
    </fieldset>
  );
}

function titleOf(id: string, orders: Order[] | null): string {
  return orders?.find((o) => o.id === id)?.title ?? id;
}

