import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Order } from './api';
import { OrderRefs } from './orders/parts';

const host = () => document.body.appendChild(document.createElement('div'));
afterEach(() => {
  document.body.innerHTML = '';
});

const order = (id: string, title: string, status: Order['status']): Order => ({
  id, title, status, description: '', dependencies: [], dependents: [], blocked_by: [], blocked_by_failure: [],
  auto_activate: false, created_at: '', updated_at: '', version: 1, assignee: null, created_by: 'u1', updated_by: 'u1',
});

describe('order references', () => {
  it('link each order by title with its status; a deleted one is named, one not looked up shows its id', () => {
    const root = host();
    const found = new Map<string, Order | null>([['a', order('a', 'Buy paper', 'completed')], ['gone', null]]);
    render(<OrderRefs ids={['a', 'gone', 'b/c']} label="Depends on" found={found} />, root);
    const items = [...root.querySelectorAll('li')];
    expect(root.querySelector('ul')?.getAttribute('aria-label')).toBe('Depends on');
    expect(items[0].querySelector('a')?.getAttribute('href')).toBe('/orders/a');
    expect(items[0].textContent).toBe('Buy paper completed');
    expect(items[1].querySelector('a')).toBeNull();
    expect(items[1].textContent).toBe('gone (deleted)');
    expect(items[2].querySelector('a')?.getAttribute('href')).toBe('/orders/b%2Fc');
  });
});
