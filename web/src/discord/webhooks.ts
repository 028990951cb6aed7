import { WEBHOOK_EVENTS, type NotificationKind, type WebhookEvent } from '../generated/contract';
import { workspacePath } from '../workspace';

export type { WebhookEvent } from '../generated/contract';

/** A message template's three parts as the API has them (null: the part is not in the template). */
export interface MessageTemplate {
  title: string | null;
  description: string | null;
  footer: string | null;
}

/** One of a workspace's Discord webhooks as the API shows it (its token masked). */
export interface Webhook {
  id: string;
  name: string;
  webhook_url: string;
  webhook_id: string;
  username: string | null;
  avatar_url: string | null;
  thread_id: string | null;
  events: WebhookEvent[];
  /** A member's user id: only their orders; null: every order. */
  assignee: string | null;
  template: MessageTemplate | null;
  /** /api/discord's view of the filter, as six toggles. */
  notifications: Record<NotificationKind, boolean>;
  enabled: boolean;
  disabled_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** What each kind of change means, as the filter's checkboxes say it. */
export const EVENT_LABELS: Record<WebhookEvent, string> = {
  created: 'An order is created',
  updated: 'An order is edited (or moved back to pending)',
  started: 'An order is started (becomes active)',
  completed: 'An order is completed',
  failed: 'An order fails',
  ready: 'An order becomes ready (its dependencies are done)',
  blocked: 'An order is blocked by a failed dependency',
  deleted: 'An order is deleted',
};

/** The workspace's webhooks, or one of them (and what follows its id: "/test", "/preview"). */
export function webhooksPath(webhookId?: string, rest = ''): string {
  return workspacePath(`/discord/webhooks${webhookId ? `/${encodeURIComponent(webhookId)}${rest}` : ''}`);
}

/** The add and edit forms' fields as typed. */
export interface WebhookForm {
  name: string;
  webhookUrl: string;
  username: string;
  avatarUrl: string;
  threadId: string;
  events: Record<WebhookEvent, boolean>;
  /** A member's user id, or "" for every order. */
  assignee: string;
}

/** The form as a webhook fills it (a new one: every kind, every order). */
export function formOf(current: Webhook | null): WebhookForm {
  return {
    name: current?.name ?? '',
    webhookUrl: '',
    username: current?.username ?? '',
    avatarUrl: current?.avatar_url ?? '',
    threadId: current?.thread_id ?? '',
    events: Object.fromEntries(WEBHOOK_EVENTS.map((e) => [e, current ? current.events.includes(e) : true])) as Record<WebhookEvent, boolean>,
    assignee: current?.assignee ?? '',
  };
}

export function checkedEvents(form: WebhookForm): WebhookEvent[] {
  return WEBHOOK_EVENTS.filter((e) => form.events[e]);
}

/**
 * The body of a save: an add sends what is set; a change only what differs (a blank webhook URL keeps the current one,
 * a cleared thread or assignee is "", which the API reads as "none").
 */
export function webhookBody(current: Webhook | null, form: WebhookForm): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const set = (key: string, value: string, was: string | null | undefined, clearable: boolean) => {
    const text = value.trim();
    if (current ? text !== (was ?? '') && (text || clearable) : text) body[key] = text;
  };
  set('name', form.name, current?.name, false);
  const webhook = form.webhookUrl.trim();
  if (webhook || !current) body.webhook_url = webhook;
  set('username', form.username, current?.username, false);
  set('avatar_url', form.avatarUrl, current?.avatar_url, false);
  set('thread_id', form.threadId, current?.thread_id, true);
  set('assignee', form.assignee, current?.assignee, true);
  const events = checkedEvents(form);
  if (!current || events.join() !== WEBHOOK_EVENTS.filter((e) => current.events.includes(e)).join()) body.events = events;
  return body;
}

/** The template editor's three texts. */
export interface TemplateForm {
  title: string;
  description: string;
  footer: string;
}

export function templateFormOf(template: MessageTemplate | null): TemplateForm {
  return { title: template?.title ?? '', description: template?.description ?? '', footer: template?.footer ?? '' };
}

/** The template as the API takes it: all three parts empty means "no template, the standard embeds". */
export function templateBody(form: TemplateForm): MessageTemplate {
  return { title: form.title, description: form.description, footer: form.footer };
}

export function isStandard(form: TemplateForm): boolean {
  return !form.title && !form.description && !form.footer;
}

/** Characters as the API counts a template's limits (code points, not UTF-16 units). */
export function characters(text: string): number {
  return [...text].length;
}
