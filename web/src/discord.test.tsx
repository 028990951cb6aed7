import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseInline, parseMarkdown } from './discord/markdown';
import { colourOf, MessagePreview, type DiscordBody } from './discord/MessagePreview';
import { WebhookStatus, WebhookSummary } from './discord/parts';
import { characters, formOf, templateBody, webhookBody, type Webhook } from './discord/webhooks';
import { WEBHOOK_EVENTS } from './generated/contract';
import { PREVIEW_DELAY_MS, WebhookPage } from './pages/WebhookPage';
import { startSession } from './session';
import { chooseWorkspace } from './workspace';

const host = () => document.body.appendChild(document.createElement('div'));
afterEach(() => {
  document.body.innerHTML = '';
});

const webhook: Webhook = {
  id: 'wh_0123456789abcdef01234567', name: 'Releases', webhook_url: 'https://discord.com/api/webhooks/1/****abcd', webhook_id: '1',
  username: 'Orders', avatar_url: null, thread_id: null, events: ['created', 'completed'], assignee: null, template: null,
  notifications: { order_created: true, order_updated: false, order_completed: true, order_failed: false, order_ready: false, order_blocked: false },
  enabled: true, disabled_reason: null, created_at: '', updated_at: '',
};

describe('the body of a webhook save', () => {
  it('an add sends what is set: the URL, the checked kinds in the contract\'s order, and no empty optionals', () => {
    const form = { ...formOf(null), webhookUrl: ' https://discord.com/api/webhooks/1/t ', name: ' #releases ' };
    form.events = { ...form.events, updated: false, deleted: false };
    expect(webhookBody(null, form)).toEqual({
      webhook_url: 'https://discord.com/api/webhooks/1/t', name: '#releases',
      events: ['created', 'started', 'completed', 'failed', 'ready', 'blocked'],
    });
    expect(formOf(null).events).toEqual(Object.fromEntries(WEBHOOK_EVENTS.map((e) => [e, true])));
  });

  it('a change sends only what differs; a blank URL keeps the current one; a cleared thread or assignee is ""', () => {
    const same = formOf(webhook);
    expect(webhookBody(webhook, same)).toEqual({});
    const withThread = { ...webhook, thread_id: '123456789012345678', assignee: 'u-1' };
    expect(webhookBody(withThread, { ...formOf(withThread), threadId: '', assignee: '' })).toEqual({ thread_id: '', assignee: '' });
    // A name or a shown name is never cleared to nothing.
    expect(webhookBody(webhook, { ...same, name: '', username: ' ' })).toEqual({});
    expect(webhookBody(webhook, { ...same, events: { ...same.events, failed: true } })).toEqual({ events: ['created', 'completed', 'failed'] });
  });

  it('the same URL given again is sent: that is how a disabled webhook is turned back on', () => {
    const disabled = { ...webhook, enabled: false, disabled_reason: 'Discord answered 404' };
    expect(webhookBody(disabled, { ...formOf(disabled), webhookUrl: 'https://discord.com/api/webhooks/1/t' }))
      .toEqual({ webhook_url: 'https://discord.com/api/webhooks/1/t' });
  });

  it('a template is its three texts, empty ones included (all empty: the standard message); limits count characters', () => {
    expect(templateBody({ title: '{event}', description: '', footer: '' })).toEqual({ title: '{event}', description: '', footer: '' });
    expect(characters('😀a')).toBe(2);
  });
});

describe('Discord markdown as the preview reads it', () => {
  it('styles, escapes and masked links', () => {
    expect(parseInline('**bold** and *it* __u__ ~~s~~ ||spoiler|| `co*de`')).toEqual([
      { kind: 'strong', children: ['bold'] }, ' and ', { kind: 'em', children: ['it'] }, ' ', { kind: 'u', children: ['u'] }, ' ',
      { kind: 's', children: ['s'] }, ' ', { kind: 'spoiler', children: ['spoiler'] }, ' ', { kind: 'code', text: 'co*de' },
    ]);
    expect(parseInline('Print the \\*flyers\\* \\[A5\\]')).toEqual(['Print the *flyers* [A5]']);
    expect(parseInline('[Open](https://app.example.com/orders/1) now')).toEqual([
      { kind: 'link', href: 'https://app.example.com/orders/1', children: ['Open'] }, ' now',
    ]);
    expect(parseInline('[not a link](javascript:alert(1))')).toEqual(['[not a link](javascript:alert(1))']);
    expect(parseInline('**nested *em* here**')).toEqual([{ kind: 'strong', children: ['nested ', { kind: 'em', children: ['em'] }, ' here'] }]);
  });

  it('unclosed delimiters are text, and a soup of them is read in bounded time', () => {
    expect(parseInline('2 * 3 = 6 and a_b')).toEqual(['2 * 3 = 6 and a_b']);
    const soup = '*_~|'.repeat(1500);
    const started = performance.now();
    const read = parseInline(soup);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(read.map((n) => (typeof n === 'string' ? n : '')).join('').length).toBeGreaterThan(0);
  });

  it('headings, quotes and list items at a line\'s start', () => {
    expect(parseMarkdown('# Big\n> quoted\n- item\nplain').map((l) => l.kind)).toEqual(['h1', 'quote', 'item', 'p']);
  });
});

describe('the message preview', () => {
  const body: DiscordBody = {
    username: 'Order bot',
    embeds: [{
      title: 'Completed: Print the \\*flyers\\*', url: 'https://app.example.com/orders/1', description: '**Done** by ada',
      color: 0x2b7a38, fields: [{ name: 'Status', value: 'active → completed', inline: true }], footer: { text: 'by ada \\*' },
      timestamp: '2026-12-06T10:00:00Z',
    }],
    components: [{ type: 1, components: [{ type: 2, style: 5, label: 'Open order', url: 'https://app.example.com/orders/1' }] }],
  };

  it('draws the poster, the colour bar, the linked title, the description\'s markdown, the fields, the plain footer and the button', () => {
    const root = host();
    render(<MessagePreview body={body} fallbackName="Releases" />, root);
    expect(root.querySelector('.discord-name')?.textContent).toBe('Order bot');
    const embed = root.querySelector<HTMLElement>('.discord-embed')!;
    expect(embed.style.borderLeftColor).toBe('rgb(43, 122, 56)');
    expect(root.querySelector('.discord-embed-title a')?.textContent).toBe('Completed: Print the *flyers*');
    expect(root.querySelector('.discord-embed-description strong')?.textContent).toBe('Done');
    expect(root.querySelector('.discord-field.inline .discord-field-value')?.textContent).toBe('active → completed');
    expect(root.querySelector('.discord-footer')?.textContent).toContain('by ada \\*');
    const button = root.querySelector('a.discord-button')!;
    expect(button.textContent).toContain('Open order');
    expect(button.getAttribute('href')).toBe('https://app.example.com/orders/1');
    expect(button.getAttribute('target')).toBe('_blank');
  });

  it('a message without a username shows the webhook\'s name; no colour is Discord\'s grey', () => {
    const root = host();
    render(<MessagePreview body={{ embeds: [{ title: 'x' }] }} fallbackName="Releases" />, root);
    expect(root.querySelector('.discord-name')?.textContent).toBe('Releases');
    expect(colourOf(undefined)).toBe('#4e5058');
    expect(colourOf(0x5865f2)).toBe('#5865f2');
  });
});

describe('a webhook\'s state', () => {
  it('says notifications are on, what it announces and whose', () => {
    const root = host();
    render(<><WebhookStatus webhook={webhook} /><WebhookSummary webhook={{ ...webhook, assignee: 'u-2' }}
      members={[{ user_id: 'u-2', username: 'grace', role: 'member', joined_at: '' }]} /></>, root);
    expect(root.textContent).toContain('Notifications are on.');
    expect(root.textContent).toContain('****abcd');
    expect(root.textContent).toContain('Announces created, completed to orders assigned to grace.');
  });

  it('gives the reason a webhook was disabled and how to turn it back on', () => {
    const root = host();
    render(<WebhookStatus webhook={{ ...webhook, enabled: false, disabled_reason: 'Discord answered 404: the webhook no longer exists' }} />, root);
    expect(root.textContent).toContain('Notifications are off: Discord answered 404: the webhook no longer exists.');
    expect(root.textContent).toContain('paste the webhook URL again');
  });
});

describe('the template editor', () => {
  const calls: { method: string; path: string; body: unknown }[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    calls.length = 0;
    startSession('token', 900, 'ada');
    chooseWorkspace({ id: 'ws_1', name: 'Kitchen', personal: false, role: 'admin', member_count: 2, created_at: '' });
    vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method: init.method ?? 'GET', path, body });
      const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
      if (path.endsWith('/members')) return json({ items: [] });
      if (path.endsWith('/preview')) {
        const template = (body as { template: { title: string } }).template;
        if (template.title.includes('{order.titel}')) {
          return new Response(JSON.stringify({ status: 400, detail: 'Field template.title has an unknown placeholder {order.titel} at line 1, column 1',
            field: 'template.title' }), { status: 400, headers: { 'content-type': 'application/problem+json' } });
        }
        return json({ body: { username: 'Orders', embeds: [{ title: template.title || 'Created: Sample order', color: 0x6c757d }] } });
      }
      return json(webhook);
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  async function settle(ms: number) {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(ms);
    });
  }

  it('asks for the preview once typing pauses, draws it, and shows a placeholder problem beside the title', async () => {
    const root = host();
    await act(() => {
      render(<WebhookPage id={webhook.id} />, root);
    });
    await settle(0);
    expect(root.querySelector('h1')?.textContent, root.innerHTML + JSON.stringify(calls)).toBe('Releases');
    await settle(PREVIEW_DELAY_MS + 10);
    expect(calls.filter((c) => c.path.endsWith('/preview'))).toHaveLength(1);
    expect(root.querySelector('.discord-embed-title')?.textContent).toBe('Created: Sample order');
    const title = root.querySelector<HTMLInputElement>('#template-title')!;
    for (const typed of ['{', '{event', '{event} done']) {
      title.value = typed;
      await act(() => {
        title.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await settle(PREVIEW_DELAY_MS / 3);
    }
    await settle(PREVIEW_DELAY_MS);
    const previews = calls.filter((c) => c.path.endsWith('/preview'));
    expect(previews).toHaveLength(2);
    expect(previews[1]).toMatchObject({ method: 'POST', path: '/api/workspaces/ws_1/discord/webhooks/wh_0123456789abcdef01234567/preview',
      body: { event: 'created', template: { title: '{event} done', description: '', footer: '' } } });
    expect(root.querySelector('.discord-embed-title')?.textContent).toBe('{event} done');

    title.value = '{order.titel}';
    await act(() => {
      title.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle(PREVIEW_DELAY_MS + 10);
    expect(root.querySelector('#template-title-error')?.textContent).toContain('unknown placeholder {order.titel}');
    expect(root.querySelector<HTMLButtonElement>('.template-editor button[type="submit"]')?.disabled).toBe(true);
  });
});
