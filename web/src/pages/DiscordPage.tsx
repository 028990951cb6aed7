import { useEffect, useState } from 'preact/hooks';
import { api, NOTIFICATION_KINDS, type Integration, type NotificationKind } from '../api';
import { Field, ProblemBox, useAction, useSubmit } from '../forms';
import { DISCORD_USERNAME_MAX } from '../generated/contract';
import { ApiError } from '../problem';
import { refusal, useWorkspace, workspacePath } from '../workspace';

const KIND_LABELS: Record<NotificationKind, string> = {
  order_created: 'An order is created',
  order_updated: 'An order is edited',
  order_completed: 'An order is completed',
  order_failed: 'An order fails',
  order_ready: 'An order becomes ready (its dependencies are done)',
  order_blocked: 'An order is blocked by a failed dependency',
};

const ALL_ON = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, true])) as Record<NotificationKind, boolean>;

/** The body of a save: a connect sends everything set, a change only what differs (a blank webhook keeps the current one). */
export function integrationBody(
  current: Integration | null,
  form: { webhookUrl: string; username: string; avatarUrl: string; notifications: Record<NotificationKind, boolean> },
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const webhook = form.webhookUrl.trim();
  if (webhook || !current) body.webhook_url = webhook;
  if (form.username.trim() && form.username.trim() !== (current?.username ?? '')) body.username = form.username.trim();
  if (form.avatarUrl.trim() && form.avatarUrl.trim() !== (current?.avatar_url ?? '')) body.avatar_url = form.avatarUrl.trim();
  const changed = NOTIFICATION_KINDS.filter((k) => !current || current.notifications[k] !== form.notifications[k]);
  if (changed.length > 0) body.notifications = Object.fromEntries(changed.map((k) => [k, form.notifications[k]]));
  return body;
}

/** Discord settings: connect a webhook, choose what is announced, send a test, see why it was disabled. */
export function DiscordPage() {
  const [integration, setIntegration] = useState<Integration | null | undefined>(undefined);
  const load = useAction();
  // Admins set it up; everyone else reads it (the server decides all the same).
  const refused = refusal(useWorkspace()?.role, 'manage_discord');

  useEffect(() => {
    void load.run(async () => {
      try {
        setIntegration(await api.get<Integration>(workspacePath('/discord')));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          setIntegration(null);
        } else {
          throw error;
        }
      }
    });
  }, []);

  return (
    <main class="narrow">
      <h1>Discord</h1>
      <ProblemBox message={load.formProblem?.message} error={load.formProblem?.error} />
      {integration === undefined && !load.formProblem && <p aria-busy="true">Loading…</p>}
      {integration !== undefined && (
        <>
          {integration && <IntegrationStatus integration={integration} />}
          {refused ? (
            <p class="muted">{integration ? '' : 'No channel is connected. '}{refused}</p>
          ) : (
            <>
              {integration && integration.enabled && <TestMessage />}
              <Settings key={integration ? 'edit' : 'new'} current={integration} onSaved={setIntegration} />
              {integration && <Disconnect onDone={() => setIntegration(null)} />}
            </>
          )}
        </>
      )}
    </main>
  );
}

export function IntegrationStatus(props: { integration: Integration }) {
  const { integration } = props;
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">Connected webhook</h2>
      <p><code>{integration.webhook_url}</code></p>
      {integration.enabled ? (
        <p class="ok">Notifications are on.</p>
      ) : (
        <div class="problem" role="status">
          <p><strong>Notifications are off:</strong> {integration.disabled_reason ?? 'Discord refused the webhook'}.</p>
          <p>To turn them back on, paste the webhook URL again (or a new one from the channel's Integrations settings) below and save; Discord is asked to confirm it.</p>
        </div>
      )}
    </section>
  );
}

function TestMessage() {
  const [delivered, setDelivered] = useState(false);
  const { busy, run, formProblem } = useAction();
  const detail = formProblem?.error?.problem;
  return (
    <section aria-labelledby="test-heading">
      <h2 id="test-heading">Test</h2>
      <button type="button" disabled={busy} onClick={() => run(async () => {
        setDelivered(false);
        await api.post(workspacePath('/discord/test'));
        setDelivered(true);
      })}>{busy ? 'Sending…' : 'Send a test message'}</button>
      {delivered && <p class="ok" role="status">Discord accepted the test message: look in your channel.</p>}
      <ProblemBox message={formProblem?.message} />
      {detail && typeof detail.discord_status === 'number' && (
        <p class="muted">Discord's answer: {detail.discord_status || 'no answer'} {String(detail.discord_response ?? '')}</p>
      )}
    </section>
  );
}

function Settings(props: { current: Integration | null; onSaved: (integration: Integration) => void }) {
  const { current } = props;
  const [webhookUrl, setWebhookUrl] = useState('');
  const [username, setUsername] = useState(current?.username ?? '');
  const [avatarUrl, setAvatarUrl] = useState(current?.avatar_url ?? '');
  const [notifications, setNotifications] = useState({ ...ALL_ON, ...current?.notifications });
  const [saved, setSaved] = useState(false);
  const { busy, submit, fieldError, formProblem } = useSubmit(['webhook_url', 'username', 'avatar_url', 'notifications'], async () => {
    const body = integrationBody(current, { webhookUrl, username, avatarUrl, notifications });
    const answer = current ? await api.put<Integration>(workspacePath('/discord'), body)
      : await api.post<Integration>(workspacePath('/discord'), body);
    setSaved(true);
    setWebhookUrl('');
    props.onSaved(answer);
  });

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{current ? 'Settings' : 'Connect a channel'}</h2>
      {!current && <p class="muted">In Discord: channel settings → Integrations → Webhooks → New Webhook → Copy Webhook URL.</p>}
      <form onSubmit={submit} noValidate>
        <ProblemBox message={formProblem?.message} error={formProblem?.error} />
        {saved && <p class="ok" role="status">Saved.</p>}
        <Field id="webhook_url" label={current ? 'New webhook URL (blank keeps the current one)' : 'Webhook URL'} error={fieldError('webhook_url')}>
          <input id="webhook_url" type="url" autocomplete="off" value={webhookUrl} required={!current}
            placeholder="https://discord.com/api/webhooks/…" onInput={(e) => setWebhookUrl(e.currentTarget.value)} />
        </Field>
        <Field id="username" label="Name shown in Discord (optional)" error={fieldError('username')}>
          <input id="username" maxLength={DISCORD_USERNAME_MAX} value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        </Field>
        <Field id="avatar_url" label="Avatar image URL (optional, https)" error={fieldError('avatar_url')}>
          <input id="avatar_url" type="url" value={avatarUrl} onInput={(e) => setAvatarUrl(e.currentTarget.value)} />
        </Field>
        <fieldset class="picker">
          <legend>Announce when</legend>
          {NOTIFICATION_KINDS.map((kind) => (
            <div class="check" key={kind}>
              <input id={`notify-${kind}`} type="checkbox" checked={notifications[kind]}
                onChange={(e) => setNotifications({ ...notifications, [kind]: e.currentTarget.checked })} />
              <label for={`notify-${kind}`}>{KIND_LABELS[kind]}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" disabled={busy}>{busy ? 'Asking Discord…' : current ? 'Save' : 'Connect'}</button>
      </form>
    </section>
  );
}

function Disconnect(props: { onDone: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const { busy, run, formProblem } = useAction();
  return (
    <section aria-labelledby="disconnect-heading">
      <h2 id="disconnect-heading">Disconnect</h2>
      <ProblemBox message={formProblem?.message} />
      {confirming ? (
        <p>
          Stop all notifications to this channel?{' '}
          <button type="button" class="danger" disabled={busy} onClick={() => run(async () => {
            await api.delete(workspacePath('/discord'));
            props.onDone();
          })}>Disconnect</button>{' '}
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>Keep it</button>
        </p>
      ) : (
        <button type="button" class="danger" onClick={() => setConfirming(true)}>Disconnect…</button>
      )}
    </section>
  );
}
