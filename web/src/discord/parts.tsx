import { useState } from 'preact/hooks';
import { api } from '../api';
import { Field, ProblemBox, useAction } from '../forms';
import { DISCORD_USERNAME_MAX, WEBHOOK_EVENTS, WEBHOOK_NAME_MAX } from '../generated/contract';
import { nameOf } from '../members';
import type { Member } from '../workspace';
import { EVENT_LABELS, webhooksPath, type Webhook, type WebhookForm } from './webhooks';

/** Whether Discord takes the webhook's posts; when it stopped, why and how to turn it back on. */
export function WebhookStatus(props: { webhook: Webhook }) {
  const { webhook } = props;
  return webhook.enabled ? (
    <p class="ok">Notifications are on.</p>
  ) : (
    <div class="problem" role="status">
      <p><strong>Notifications are off:</strong> {webhook.disabled_reason ?? 'Discord refused the webhook'}.</p>
      <p>To turn them back on, paste the webhook URL again (or a new one from the channel's Integrations settings) in its settings and save; Discord is asked to confirm it.</p>
    </div>
  );
}

/** What a webhook announces, in a line: its kinds, whose orders, which thread. */
export function WebhookSummary(props: { webhook: Webhook; members: Member[] }) {
  const { webhook } = props;
  const kinds = webhook.events.length === WEBHOOK_EVENTS.length ? 'every change' : webhook.events.join(', ');
  return (
    <p class="muted">
      <code>{webhook.webhook_url}</code>
      <br />
      Announces {kinds}
      {webhook.assignee ? ` to orders assigned to ${nameOf(props.members, webhook.assignee)}` : ''}
      {webhook.thread_id ? `, in thread ${webhook.thread_id}` : ''}
      {webhook.template ? ', in its own words' : ''}.
    </p>
  );
}

/** A test post through the webhook, with Discord's answer when it refuses. */
export function TestMessage(props: { webhook: Webhook; onTried?: () => void }) {
  const [delivered, setDelivered] = useState(false);
  const { busy, run, formProblem } = useAction();
  const detail = formProblem?.error?.problem;
  return (
    <div class="test-message">
      <button type="button" class="secondary" disabled={busy} aria-describedby={`test-${props.webhook.id}-about`} onClick={() => run(async () => {
        setDelivered(false);
        try {
          await api.post(webhooksPath(props.webhook.id, '/test'));
          setDelivered(true);
        } finally {
          // A 404 from Discord disables the webhook: the page shows that.
          props.onTried?.();
        }
      })}>{busy ? 'Sending…' : 'Send a test message'}</button>
      <span id={`test-${props.webhook.id}-about`} class="sr-only">to {props.webhook.name}</span>
      {delivered && <p class="ok" role="status">Discord accepted the test message: look in your channel.</p>}
      <ProblemBox message={formProblem?.message} />
      {detail && typeof detail.discord_status === 'number' && (
        <p class="muted">Discord's answer: {detail.discord_status || 'no answer'} {String(detail.discord_response ?? '')}</p>
      )}
    </div>
  );
}

/** The fields of the add and edit forms. */
export function WebhookFields(props: {
  form: WebhookForm;
  onChange: (form: WebhookForm) => void;
  fieldError: (field: string) => string | undefined;
  members: Member[];
  editing: boolean;
}) {
  const { form, fieldError } = props;
  const set = (change: Partial<WebhookForm>) => props.onChange({ ...form, ...change });
  return (
    <>
      <Field id="webhook_url" label={props.editing ? 'New webhook URL (blank keeps the current one)' : 'Webhook URL'} error={fieldError('webhook_url')}>
        <input id="webhook_url" type="url" autocomplete="off" value={form.webhookUrl} required={!props.editing}
          placeholder="https://discord.com/api/webhooks/…" onInput={(e) => set({ webhookUrl: e.currentTarget.value })} />
      </Field>
      <Field id="name" label={props.editing ? 'Name' : 'Name (optional; else the name Discord knows it by)'} error={fieldError('name')}
        hint="What this page calls it, e.g. the channel: “#releases”.">
        <input id="name" maxLength={WEBHOOK_NAME_MAX} value={form.name} aria-describedby="name-hint"
          onInput={(e) => set({ name: e.currentTarget.value })} />
      </Field>
      <Field id="username" label="Name shown in Discord (optional)" error={fieldError('username')}>
        <input id="username" maxLength={DISCORD_USERNAME_MAX} value={form.username} onInput={(e) => set({ username: e.currentTarget.value })} />
      </Field>
      <Field id="avatar_url" label="Avatar image URL (optional, https)" error={fieldError('avatar_url')}>
        <input id="avatar_url" type="url" value={form.avatarUrl} onInput={(e) => set({ avatarUrl: e.currentTarget.value })} />
      </Field>
      <Field id="thread_id" label="Thread ID (optional)" error={fieldError('thread_id')}
        hint="Posts go into this thread of the channel: in Discord, right-click the thread → Copy Thread ID (Developer Mode on). Blank: the channel.">
        <input id="thread_id" inputMode="numeric" autocomplete="off" value={form.threadId} aria-describedby="thread_id-hint"
          onInput={(e) => set({ threadId: e.currentTarget.value })} />
      </Field>
      <fieldset class={fieldError('events') ? 'picker invalid' : 'picker'}>
        <legend>Announce when</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <div class="check" key={event}>
            <input id={`event-${event}`} type="checkbox" checked={form.events[event]}
              onChange={(e) => set({ events: { ...form.events, [event]: e.currentTarget.checked } })} />
            <label for={`event-${event}`}>{EVENT_LABELS[event]}</label>
          </div>
        ))}
        {fieldError('events') && <div class="error" role="alert">{fieldError('events')}</div>}
      </fieldset>
      <Field id="assignee" label="Whose orders" error={fieldError('assignee')}>
        <select id="assignee" value={form.assignee} onChange={(e) => set({ assignee: e.currentTarget.value })}>
          <option value="">Everyone's</option>
          {props.members.map((m) => <option key={m.user_id} value={m.user_id}>Only those assigned to {m.username}</option>)}
          {form.assignee && !props.members.some((m) => m.user_id === form.assignee) && (
            <option value={form.assignee}>Only those assigned to {nameOf(props.members, form.assignee)}</option>
          )}
        </select>
      </Field>
    </>
  );
}
