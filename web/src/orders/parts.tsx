import type { Status } from '../api';
import { LOOKUP_LIMIT, useOrders, type Found } from './lookup';

export function StatusBadge(props: { status: Status }) {
  return <span class={`badge ${props.status}`}>{props.status}</span>;
}

export const orderPath = (id: string) => `/orders/${encodeURIComponent(id)}`;

/**
 * Links to orders by title with their status, looked up here unless the page passes what it found;
 * ids beyond the lookup limit (or not found) show as ids.
 */
export function OrderRefs(props: { ids: string[]; label?: string; found?: Found }) {
  const own = useOrders(props.found ? [] : props.ids);
  const found = props.found ?? own;
  if (props.ids.length === 0) {
    return null;
  }
  return (
    <ul class="order-refs" aria-label={props.label}>
      {props.ids.map((id) => {
        const order = found.get(id);
        return (
          <li key={id}>
            {order === null ? (
              <span class="muted">{id} (deleted)</span>
            ) : (
              <>
                <a href={orderPath(id)}>{order ? order.title : id}</a>
                {order && <> <StatusBadge status={order.status} /></>}
              </>
            )}
          </li>
        );
      })}
      {props.ids.length > LOOKUP_LIMIT && <li class="muted">{props.ids.length} in all</li>}
    </ul>
  );
}
