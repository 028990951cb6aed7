import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { TestMessage, WebhookFields, WebhookStatus, WebhookSummary } from '../discord/parts';
import { formOf, webhookBody, webhooksPath, type Webhook } from '../discord/webhooks';
import { ProblemBox, useAction, useSubmit } from '../forms';
import { WEBHOOKS_MAX } from '../generated/contract';
import { useMembers } from '../members';
import type { Member } from '../workspace';
import { refusal, useWorkspace } from '../workspace';

/** The workspace's Discord webhooks: each one's state, a test, a link to its settings; and a form to add one. */
export function DiscordPage() {
  const workspace = useWorkspace();
  const members = useMembers(workspace);
  const [webhooks, setWebhooks] = useState<Webhook[] | undefined>(undefined);
  const [added, setAdded] = useState<string | null>(null);
  const load = useAction();
  // Admins set them up; everyone else reads them (the server decides all the same).
  const refused = refusal(workspace?.role, 'manage_discord');
  const reload = () => load.run(async () => setWebhooks((await api.get<{ items: Webhook[] }>(webhooksPath())).items));

  useEffect(() => {
    void reload();
  }, []);

  return (
    <main class="narrow">
      <h1>Discord</h1>
      <ProblemBox message={load.formProblem?.message} error={load.formProblem?.error} />
      {webhooks === undefined && !load.formProblem && <p aria-busy="true">Loading…</p>}
      {webhooks !== undefined && (
        <>
          {webhooks.length > 0 && (
            <section aria-labelledby="webhooks-heading">
              <h2 id="webhooks-heading">Webhooks <span class="muted">({webhooks.length} of {WEBHOOKS_MAX})</span></h2>
              {added && <p class="ok" role="status">Added “{added}”.</p>}
              <ul class="webhooks">
                {webhooks.map((webhook) => (
                  <WebhookCard key={webhook.id} webhook={webhook} members={members} manage={!refused} onTried={() => void reload()} />
                ))}
              </ul>
            </section>
          )}
          {refused ? (
            <p class="muted">{webhooks.length ? '' : 'No channel is connected. '}{refused}</p>
          ) : webhooks.length < WEBHOOKS_MAX ? (
            <AddWebhook key={webhooks.length} first={webhooks.length === 0} members={members} onAdded={(webhook) => {
              setWebhooks([...webhooks, webhook]);
              setAdded(webhook.name);
            }} />
          ) : (
            <p class="muted">A workspace has at most {WEBHOOKS_MAX} webhooks: remove one to add another.</p>
          )}
        </>
      )}
    </main>
  );
}

function WebhookCard(props: { webhook: Webhook; members: Member[]; manage: boolean; onTried: () => void }) {
  const { webhook } = props;
  const heading = `webhook-${webhook.id}`;
  return (
    <li>
      <article class="webhook" aria-labelledby={heading}>
        <h3 id={heading}>{webhook.name}</h3>
        <WebhookSummary webhook={webhook} members={props.members} />
        <WebhookStatus webhook={webhook} />
        {props.manage && (
          <div class="actions">
            <a class="button" href={`/settings/discord/${encodeURIComponent(webhook.id)}`} aria-describedby={heading}>Settings and template</a>
            {webhook.enabled && <TestMessage webhook={webhook} onTried={props.onTried} />}
          </div>
        )}
      </article>
    </li>
  );
}

function AddWebhook(props: { first: boolean; members: Member[]; onAdded: (webhook: Webhook) => void }) {
  const [form, setForm] = useState(formOf(null));
  const { busy, submit, fieldError, formProblem } = useSubmit(
    ['webhook_url', 'name', 'username', 'avatar_url', 'thread_id', 'events', 'assignee'],
    async () => props.onAdded(await api.post<Webhook>(webhooksPath(), webhookBody(null, form))),
  );
  return (
    <section aria-labelledby="add-heading">
      <h2 id="add-heading">{props.first ? 'Connect a channel' : 'Add a webhook'}</h2>
      <p class="muted">
        In Discord: channel settings → Integrations → Webhooks → New Webhook → Copy Webhook URL.
        {props.first ? '' : ' Each webhook has its own filter, template, pace and failures: a slow or broken one never holds up another.'}
      </p>
      <form onSubmit={submit} noValidate>
        <ProblemBox message={formProblem?.message} error={formProblem?.error} />
        <WebhookFields form={form} onChange={setForm} fieldError={fieldError} members={props.members} editing={false} />
        <button type="submit" disabled={busy}>{busy ? 'Asking Discord…' : props.first ? 'Connect' : 'Add webhook'}</button>
      </form>
    </section>
  );
}
