import { api, type Order } from '../api';
import { OrderForm } from '../orders/OrderForm';
import { orderPath } from '../orders/parts';
import { navigate } from '../router';
import { workspacePath } from '../workspace';

export function NewOrderPage() {
  return (
    <main class="narrow">
      <h1>New order</h1>
      <OrderForm initial={{ title: '', description: '', dependencies: [], auto_activate: false }} submitLabel="Create order" busyLabel="Creating…"
        onSubmit={async ({ description, ...fields }) => {
          const order = await api.post<Order>(workspacePath('/orders'), { ...fields, ...(description && { description }) });
          navigate(orderPath(order.id));
        }} />
    </main>
  );
}
