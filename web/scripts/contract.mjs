// Generates src/generated/contract.ts and src/generated/statuses.css from infra/openapi.yaml, so the web app states
// no rule of the API by hand: statuses and their moves, the badge palette, the order and password limits, the
// notification kinds. Runs before every build and test (package.json "prebuild", "pretest", "pretypecheck").
// Our own script rather than openapi-typescript: that generates types only, and these are values and x- extensions.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(web, '..', 'infra', 'openapi.yaml');
const description = parse(readFileSync(source, 'utf8'));
const schemas = description.components.schemas;

function need(value, what) {
  if (value === undefined || value === null) {
    throw new Error(`infra/openapi.yaml has no ${what}; web/scripts/contract.mjs needs it`);
  }
  return value;
}

const status = need(schemas.Status, 'Status schema');
const statuses = need(status.enum, 'Status.enum');
const moves = need(status['x-moves'], 'Status.x-moves');
const badges = need(status['x-badge-colours'], 'Status.x-badge-colours');
const password = need(schemas.Registration?.properties?.password, 'Registration.password');
const kinds = Object.keys(need(schemas.Notifications?.properties, 'Notifications.properties'));
const roles = need(schemas.Role?.enum, 'Role.enum');
const webhookEvents = need(schemas.WebhookEvent?.enum, 'WebhookEvent.enum');
const template = need(schemas.MessageTemplate, 'MessageTemplate schema');
const webhookList = need(description.paths?.['/api/workspaces/{wid}/discord/webhooks']?.get?.responses?.['200'],
  'the webhook list operation');
const permissions = need(schemas.Role?.['x-permissions'], 'Role.x-permissions');
const constants = {
  STATUSES: statuses,
  NEXT_STATUSES: Object.fromEntries(statuses.map((s) => [s, need(moves[s], `Status.x-moves.${s}`)])),
  STATUS_BADGE_COLOURS: Object.fromEntries(statuses.map((s) => [s, need(badges[s], `Status.x-badge-colours.${s}`)])),
  NOTIFICATION_KINDS: kinds,
  ROLES: roles,
  PERMISSIONS: permissions,
  ORDER_TITLE_MAX: need(schemas.OrderTitle?.maxLength, 'OrderTitle.maxLength'),
  ORDER_DESCRIPTION_MAX: need(schemas.OrderDescription?.maxLength, 'OrderDescription.maxLength'),
  ORDER_DEPENDENCIES_MAX: need(schemas.OrderDependencies?.maxItems, 'OrderDependencies.maxItems'),
  PASSWORD_MIN_LENGTH: need(password.minLength, 'Registration.password.minLength'),
  PASSWORD_MAX_LENGTH: need(password.maxLength, 'Registration.password.maxLength'),
  WEBHOOK_EVENTS: webhookEvents,
  WEBHOOK_NAME_MAX: need(schemas.IntegrationCreate?.properties?.name?.maxLength, 'IntegrationCreate.name.maxLength'),
  WEBHOOKS_MAX: need(webhookList.content?.['application/json']?.schema?.properties?.items?.maxItems, 'the webhook list\'s maxItems'),
  TEMPLATE_PLACEHOLDERS: need(template['x-placeholders'], 'MessageTemplate.x-placeholders'),
  TEMPLATE_TITLE_MAX: need(template.properties?.title?.maxLength, 'MessageTemplate.title.maxLength'),
  TEMPLATE_DESCRIPTION_MAX: need(template.properties?.description?.maxLength, 'MessageTemplate.description.maxLength'),
  TEMPLATE_FOOTER_MAX: need(template.properties?.footer?.maxLength, 'MessageTemplate.footer.maxLength'),
  DISCORD_USERNAME_MAX: need(schemas.IntegrationCreate?.properties?.username?.maxLength, 'IntegrationCreate.username.maxLength'),
};

const lines = [
  '// Generated from infra/openapi.yaml by web/scripts/contract.mjs before every build and test: do not edit.',
  '/* eslint-disable */',
  `export type Status = ${statuses.map((s) => JSON.stringify(s)).join(' | ')};`,
  `export type NotificationKind = ${kinds.map((k) => JSON.stringify(k)).join(' | ')};`,
  `export type WebhookEvent = ${webhookEvents.map((e) => JSON.stringify(e)).join(' | ')};`,
  `export type Role = ${roles.map((r) => JSON.stringify(r)).join(' | ')};`,
  `export type Permission = ${Object.keys(permissions).map((p) => JSON.stringify(p)).join(' | ')};`,
];
const types = {
  STATUSES: 'readonly Status[]',
  NEXT_STATUSES: 'Readonly<Record<Status, readonly Status[]>>',
  STATUS_BADGE_COLOURS: 'Readonly<Record<Status, string>>',
  NOTIFICATION_KINDS: 'readonly NotificationKind[]',
  ROLES: 'readonly Role[]',
  WEBHOOK_EVENTS: 'readonly WebhookEvent[]',
  TEMPLATE_PLACEHOLDERS: 'Readonly<Record<string, string>>',
  PERMISSIONS: 'Readonly<Record<Permission, Role>>',
};
for (const [name, value] of Object.entries(constants)) {
  lines.push(`export const ${name}${types[name] ? `: ${types[name]}` : ''} = ${JSON.stringify(value)};`);
}
const css = [
  '/* Generated from infra/openapi.yaml (Status.x-badge-colours) by web/scripts/contract.mjs: do not edit. */',
  ':root {',
  ...statuses.map((s) => `  --${s}: ${badges[s]};`),
  '}',
];
mkdirSync(join(web, 'src', 'generated'), { recursive: true });
writeFileSync(join(web, 'src', 'generated', 'contract.ts'), lines.join('\n') + '\n');
writeFileSync(join(web, 'src', 'generated', 'statuses.css'), css.join('\n') + '\n');
