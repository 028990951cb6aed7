import { DiscordText } from './markdown';

/** The JSON a webhook posts (what the preview endpoint answers as body): the parts a preview draws. */
export interface DiscordBody {
  username?: string;
  avatar_url?: string;
  content?: string;
  embeds?: DiscordEmbed[];
  components?: { type: number; components?: DiscordButton[] }[];
}

export interface DiscordEmbed {
  title?: string;
  url?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  timestamp?: string;
}

export interface DiscordButton {
  type: number;
  style?: number;
  label?: string;
  url?: string;
}

/** Discord's embed colour (an RGB integer) as CSS; none: Discord's grey. */
export function colourOf(color: number | undefined): string {
  return color === undefined ? '#4e5058' : `#${(color & 0xffffff).toString(16).padStart(6, '0')}`;
}

/** A message as a Discord channel shows it: the poster, each embed with its colour bar, fields, footer, and the link buttons. */
export function MessagePreview(props: { body: DiscordBody; fallbackName: string }) {
  const { body } = props;
  const name = body.username ?? props.fallbackName;
  return (
    <div class="discord-message" role="group" aria-label="The message as Discord shows it">
      <div class="discord-avatar" aria-hidden="true">{name.slice(0, 1).toUpperCase()}</div>
      <div class="discord-body">
        <div class="discord-header">
          <span class="discord-name">{name}</span> <span class="discord-tag">APP</span>
        </div>
        {body.content && <div class="discord-content"><DiscordText text={body.content} /></div>}
        {(body.embeds ?? []).map((embed, i) => <Embed key={i} embed={embed} />)}
        {(body.components ?? []).map((row, i) => (
          <div class="discord-buttons" key={i}>
            {(row.components ?? []).filter((c) => c.type === 2 && c.url).map((button, j) => (
              <a key={j} class="discord-button" href={button.url} target="_blank" rel="noopener noreferrer">
                {button.label} <span aria-hidden="true">↗</span>
              </a>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

function Embed(props: { embed: DiscordEmbed }) {
  const { embed } = props;
  const when = embed.timestamp ? new Date(embed.timestamp) : null;
  return (
    <div class="discord-embed" style={{ borderLeftColor: colourOf(embed.color) }}>
      {embed.title && (
        <div class="discord-embed-title">
          {embed.url ? <a href={embed.url} target="_blank" rel="noopener noreferrer"><DiscordText text={embed.title} inline /></a>
            : <DiscordText text={embed.title} inline />}
        </div>
      )}
      {embed.description && <div class="discord-embed-description"><DiscordText text={embed.description} /></div>}
      {embed.fields && embed.fields.length > 0 && (
        <div class="discord-fields">
          {embed.fields.map((field, i) => (
            <div key={i} class={field.inline ? 'discord-field inline' : 'discord-field'}>
              <div class="discord-field-name"><DiscordText text={field.name} inline /></div>
              <div class="discord-field-value"><DiscordText text={field.value} /></div>
            </div>
          ))}
        </div>
      )}
      {(embed.footer || when) && (
        <div class="discord-footer">
          {/* Discord shows a footer as plain text: no markdown there. */}
          {embed.footer?.text}
          {embed.footer && when && ' • '}
          {when && !Number.isNaN(when.getTime()) && <time dateTime={embed.timestamp}>{when.toLocaleString()}</time>}
        </div>
      )}
    </div>
  );
}
