import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Integration, Order } from './api';
import { OrderRefs } from './orders/parts';
import { IntegrationStatus } from './pages/DiscordPage';

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

describe('the Discord status', () => {
  const integration: Integration = {
    webhook_url: 'https://discord.com/api/webhooks/1/****abcd', webhook_id: '1', username: null, avatar_url: null,
    notifications: { order_created: true, order_updated: true, order_completed: true, order_failed: true, order_ready: true, order_blocked: true },
    enabled: true, disabled_reason: null, created_at: '', updated_at: '',
  };

  it('says notifications are on for a working webhook', () => {
    const root = host();
    render(<IntegrationStatus integration={integration} />, root);
    expect(root.textContent).toContain('Notifications are on.');
    expect(root.textContent).toContain('****abcd');
  });

  it('gives the reason a webhook was disabled and how to turn it back on', () => {
    const root = host();
    render(<IntegrationStatus integration={{ ...integration, enabled: false, disabled_reason: 'Discord answered 404: the webhook no longer exists' }} />, root);
    expect(root.textContent).toContain('Notifications are off: Discord answered 404: the webhook no longer exists.');
    expect(root.textContent).toContain('paste the webhook URL again');
  });
});
