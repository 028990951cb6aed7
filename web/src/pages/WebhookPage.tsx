import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { MessagePreview, type DiscordBody } from '../discord/MessagePreview';
import { TestMessage, WebhookFields, WebhookStatus, WebhookSummary } from '../discord/parts';
import {
  characters, EVENT_LABELS, formOf, isStandard, templateBody, templateFormOf, webhookBody, webhooksPath,
  type TemplateForm, type Webhook, type WebhookEvent,
} from '../discord/webhooks';
import { Field, placeProblem, ProblemBox, useAction, useSubmit, type PlacedProblem } from '../forms';
import {
  TEMPLATE_DESCRIPTION_MAX, TEMPLATE_FOOTER_MAX, TEMPLATE_PLACEHOLDERS, TEMPLATE_TITLE_MAX, WEBHOOK_EVENTS,
} from '../generated/contract';
import { useMembers } from '../members';
import { navigate, useTitle } from '../router';
import { refusal, useWorkspace, type Member } from '../workspace';

/** How long typing pauses before the preview is asked for again. */
export const PREVIEW_DELAY_MS = 350;

/** One webhook: its settings, its message template with a live preview, a test, and removing it. */
export function WebhookPage(props: { id: string }) {
  const workspace = useWorkspace();
  const members = useMembers(workspace);
  const [webhook, setWebhook] = useState<Webhook | undefined>(undefined);
  const load = useAction();
  const refused = refusal(workspace?.role, 'manage_discord');
  const reload = () => load.run(async () => setWebhook(await api.get<Webhook>(webhooksPath(props.id))));
  useTitle(webhook ? `${webhook.name} · Discord` : load.formProblem ? 'Discord' : undefined);
  useEffect(() => {
    void reload();
  }, [props.id]);

  return (
    <main class="webhook-page">
      <p><a href="/settings/discord">← All webhooks</a></p>
      <ProblemBox message={load.formProblem?.message} error={load.formProblem?.error} />
      {webhook === undefined && !load.formProblem && <p aria-busy="true">Loading…</p>}
      {webhook && (
        <>
          <h1>{webhook.name}</h1>
          <WebhookSummary webhook={webhook} members={members} />
          <WebhookStatus webhook={webhook} />
          {refused ? <p class="muted">{refused}</p> : (
            <>
              {webhook.enabled && <TestMessage webhook={webhook} onTried={() => void reload()} />}
              <Settings key={webhook.id} webhook={webhook} members={members} onSaved={setWebhook} />
              <TemplateEditor key={`template-${webhook.id}`} webhook={webhook} onSaved={setWebhook} />
              <Remove webhook={webhook} />
            </>
          )}
        </>
      )}
    </main>
  );
}

function Settings(props: { webhook: Webhook; members: Member[]; onSaved: (webhook: Webhook) => void }) {
  const [form, setForm] = useState(formOf(props.webhook));
  const [saved, setSaved] = useState(false);
  const { busy, submit, fieldError, formProblem } = useSubmit(
    ['webhook_url', 'name', 'username', 'avatar_url', 'thread_id', 'events', 'assignee'],
    async () => {
      setSaved(false);
      const answer = await api.put<Webhook>(webhooksPath(props.webhook.id), webhookBody(props.webhook, form));
      setSaved(true);
      props.onSaved(answer);
    },
  );
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <form onSubmit={submit} noValidate>
        <ProblemBox message={formProblem?.message} error={formProblem?.error} />
        {saved && <p class="ok" role="status">Saved.</p>}
        <WebhookFields form={form} onChange={setForm} fieldError={fieldError} members={props.members} editing />
        <button type="submit" disabled={busy}>{busy ? 'Asking Discord…' : 'Save'}</button>
      </form>
    </section>
  );
}

/** The template's three texts, the placeholders they may use, and the message as Discord would show it, kept current as one types. */
function TemplateEditor(props: { webhook: Webhook; onSaved: (webhook: Webhook) => void }) {
  const [form, setForm] = useState<TemplateForm>(templateFormOf(props.webhook.template));
  const [event, setEvent] = useState<WebhookEvent>(WEBHOOK_EVENTS.find((e) => props.webhook.events.includes(e)) ?? 'created');
  const [saved, setSaved] = useState(false);
  const preview = usePreview(props.webhook.id, event, form);
  const { busy, submit, formProblem } = useSubmit([], async () => {
    setSaved(false);
    props.onSaved(await api.put<Webhook>(webhooksPath(props.webhook.id), { template: templateBody(form) }));
    setSaved(true);
  });
  // A part's problem ("template.title has an unknown placeholder … at line 1, column 9") is shown beside that part.
  const partError = (part: keyof TemplateForm) => problemFor(preview.problem, part);
  const set = (change: Partial<TemplateForm>) => {
    setSaved(false);
    setForm({ ...form, ...change });
  };
  return (
    <section class="template" aria-labelledby="template-heading">
      <h2 id="template-heading">Message template</h2>
      <p class="muted">
        Your own words for this webhook's messages. Text is Discord markdown; a name in braces is replaced by its value,
        escaped so it shows as written and never mentions anyone; <code>{'{{'}</code> and <code>{'}}'}</code> are braces.
        Leave all three empty for the standard message.
      </p>
      <details class="placeholders">
        <summary>Placeholders</summary>
        <dl>
          {Object.entries(TEMPLATE_PLACEHOLDERS).map(([name, meaning]) => (
            <div key={name}><dt><code>{`{${name}}`}</code></dt><dd>{meaning}</dd></div>
          ))}
        </dl>
      </details>
      <div class="template-editor">
        <form onSubmit={submit} noValidate>
          <ProblemBox message={formProblem?.message} error={formProblem?.error} />
          {saved && <p class="ok" role="status">Template saved.</p>}
          <Field id="template-title" label="Title" error={partError('title')} hint={`${characters(form.title)} of ${TEMPLATE_TITLE_MAX}, one line`}>
            <input id="template-title" value={form.title} aria-describedby="template-title-hint" autocomplete="off"
              placeholder="{event}: {order.title}" onInput={(e) => set({ title: e.currentTarget.value })} />
          </Field>
          <Field id="template-description" label="Description" error={partError('description')}
            hint={`${characters(form.description)} of ${TEMPLATE_DESCRIPTION_MAX}`}>
            <textarea id="template-description" rows={5} value={form.description} aria-describedby="template-description-hint"
              onInput={(e) => set({ description: e.currentTarget.value })} />
          </Field>
          <Field id="template-footer" label="Footer" error={partError('footer')} hint={`${characters(form.footer)} of ${TEMPLATE_FOOTER_MAX}; plain text in Discord`}>
            <textarea id="template-footer" rows={2} value={form.footer} aria-describedby="template-footer-hint"
              onInput={(e) => set({ footer: e.currentTarget.value })} />
          </Field>
          <button type="submit" disabled={busy || preview.problem !== null}>
            {busy ? 'Saving…' : isStandard(form) ? 'Use the standard message' : 'Save template'}
          </button>
        </form>
        <div class="template-preview" aria-labelledby="preview-heading">
          <h3 id="preview-heading">Preview</h3>
          <Field id="preview-event" label="For a change of the kind">
            <select id="preview-event" value={event} onChange={(e) => setEvent(e.currentTarget.value as WebhookEvent)}>
              {WEBHOOK_EVENTS.map((e) => <option key={e} value={e}>{EVENT_LABELS[e]}</option>)}
            </select>
          </Field>
          <div aria-live="polite" aria-busy={preview.busy}>
            {preview.problem && (isTemplateProblem(preview.problem) ? <p class="muted">The preview shows again once the template reads.</p>
              : <p class="problem" role="alert">{preview.problem.message}</p>)}
            {preview.body && !preview.problem && <MessagePreview body={preview.body} fallbackName={props.webhook.name} />}
          </div>
        </div>
      </div>
    </section>
  );
}

/** The problem beside a template part: one naming "template.{part}". */
export function problemFor(problem: PlacedProblem | null, part: keyof TemplateForm): string | undefined {
  return problem?.error?.problem.field === `template.${part}` ? problem.message : undefined;
}

function isTemplateProblem(problem: PlacedProblem): boolean {
  return problem.error?.problem.field?.startsWith('template') ?? false;
}

/** The message the webhook would post for {@code event} with the template as typed: asked for once typing pauses; older answers are dropped. */
function usePreview(webhookId: string, event: WebhookEvent, form: TemplateForm) {
  const [body, setBody] = useState<DiscordBody | null>(null);
  const [problem, setProblem] = useState<PlacedProblem | null>(null);
  const [busy, setBusy] = useState(true);
  const asked = useRef(0);
  useEffect(() => {
    const ask = ++asked.current;
    setBusy(true);
    const timer = setTimeout(() => {
      api.post<{ body: DiscordBody }>(webhooksPath(webhookId, '/preview'), { event, template: templateBody(form) }).then((answer) => {
        if (ask !== asked.current) return;
        setBody(answer.body);
        setProblem(null);
      }, (error: unknown) => {
        if (ask !== asked.current) return;
        setProblem(placeProblem(error, []));
      }).finally(() => {
        if (ask === asked.current) setBusy(false);
      });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [webhookId, event, form.title, form.description, form.footer]);
  return { body, problem, busy };
}

function Remove(props: { webhook: Webhook }) {
  const [confirming, setConfirming] = useState(false);
  const { busy, run, formProblem } = useAction();
  return (
    <section aria-labelledby="remove-heading">
      <h2 id="remove-heading">Remove</h2>
      <ProblemBox message={formProblem?.message} />
      {confirming ? (
        <p>
          Stop all notifications to “{props.webhook.name}”? What waits to be posted there is dropped.{' '}
          <button type="button" class="danger" disabled={busy} onClick={() => run(async () => {
            await api.delete(webhooksPath(props.webhook.id));
            navigate('/settings/discord');
          })}>Remove</button>{' '}
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>Keep it</button>
        </p>
      ) : (
        <button type="button" class="danger" onClick={() => setConfirming(true)}>Remove…</button>
      )}
    </section>
  );
}
