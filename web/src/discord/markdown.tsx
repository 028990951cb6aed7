import type { ComponentChildren } from 'preact';

/**
 * The part of Discord's markdown our messages use, read as Discord reads it, so a preview shows what the channel will:
 * backslash escapes, bold, italics, underline, strikethrough, spoilers, inline code and masked links; headings, quotes
 * and list items at a line's start. Anything else (mentions, timestamps, emoji) shows as written.
 */
export type Inline =
  | string
  | { kind: 'strong' | 'em' | 'u' | 's' | 'spoiler'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] };

export interface Line {
  kind: 'p' | 'h1' | 'h2' | 'h3' | 'quote' | 'item';
  children: Inline[];
}

const DELIMITERS: [string, 'strong' | 'em' | 'u' | 's' | 'spoiler'][] = [
  ['**', 'strong'], ['__', 'u'], ['~~', 's'], ['||', 'spoiler'], ['*', 'em'], ['_', 'em'],
];
const PUNCTUATION = /[!-/:-@[-`{-~]/;
/** Deeper nesting than this reads as text. */
const MAX_DEPTH = 6;
/** A text that takes more steps than this to read (a soup of unclosed delimiters) shows as written: the work stays bounded. */
const MAX_STEPS = 200_000;

class TooMuchWork extends Error {}

/** The text as lines of styled runs. */
export function parseMarkdown(text: string): Line[] {
  return text.split(/\r?\n/).map((line) => {
    const block = /^(#{1,3}) (.*)$/.exec(line) ?? /^(>) (.*)$/.exec(line) ?? /^([-*]) (.*)$/.exec(line);
    if (!block) return { kind: 'p', children: parseInline(line) };
    const kind = block[1] === '>' ? 'quote' : block[1] === '-' || block[1] === '*' ? 'item' : (`h${block[1].length}` as Line['kind']);
    return { kind, children: parseInline(block[2]) };
  });
}

export function parseInline(text: string): Inline[] {
  try {
    return runs(text, 0, null, 0, { steps: 0 }).nodes;
  } catch (error) {
    if (error instanceof TooMuchWork) return text ? [text] : [];
    throw error;
  }
}

interface Runs {
  nodes: Inline[];
  end: number;
  closed: boolean;
}

/** Runs from {@code start} up to {@code closer} (null: the end); closed says whether the closer was found. */
function runs(text: string, start: number, closer: string | null, depth: number, budget: { steps: number }): Runs {
  const nodes: Inline[] = [];
  let literal = '';
  const flush = () => {
    if (literal) nodes.push(literal);
    literal = '';
  };
  let i = start;
  while (i < text.length) {
    if (++budget.steps > MAX_STEPS) throw new TooMuchWork();
    if (closer && text.startsWith(closer, i) && !(closer.length === 1 && text[i + 1] === closer)) {
      flush();
      return { nodes, end: i + closer.length, closed: true };
    }
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && PUNCTUATION.test(text[i + 1])) {
      literal += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const close = text.indexOf('`', i + 1);
      if (close > i + 1) {
        flush();
        nodes.push({ kind: 'code', text: text.slice(i + 1, close) });
        i = close + 1;
        continue;
      }
    }
    if (c === '[' && depth < MAX_DEPTH) {
      const link = maskedLink(text, i, depth, budget);
      if (link) {
        flush();
        nodes.push(link.node);
        i = link.end;
        continue;
      }
    }
    const delimiter = depth < MAX_DEPTH ? DELIMITERS.find(([d]) => text.startsWith(d, i)) : undefined;
    if (delimiter && text.indexOf(delimiter[0], i + delimiter[0].length) > 0) {
      const inner = runs(text, i + delimiter[0].length, delimiter[0], depth + 1, budget);
      if (inner.closed && inner.nodes.length > 0) {
        flush();
        nodes.push({ kind: delimiter[1], children: inner.nodes });
        i = inner.end;
        continue;
      }
      literal += delimiter[0];
      i += delimiter[0].length;
      continue;
    }
    literal += c;
    i++;
  }
  flush();
  return { nodes, end: i, closed: false };
}

/** "[label](https://…)" at {@code at}: the link and where it ends, or null when it is not one. */
function maskedLink(text: string, at: number, depth: number, budget: { steps: number }): { node: Inline; end: number } | null {
  const labelEnd = text.indexOf('](', at + 1);
  if (labelEnd < 0 || text.slice(at + 1, labelEnd).includes('\n')) return null;
  const urlEnd = text.indexOf(')', labelEnd + 2);
  if (urlEnd < 0) return null;
  const href = text.slice(labelEnd + 2, urlEnd);
  if (!/^https?:\/\/\S+$/.test(href)) return null;
  return { node: { kind: 'link', href, children: runs(text.slice(0, labelEnd), at + 1, null, depth + 1, budget).nodes }, end: urlEnd + 1 };
}

function inlineNodes(nodes: Inline[]): ComponentChildren {
  return nodes.map((node, i) => {
    if (typeof node === 'string') return node;
    switch (node.kind) {
      case 'code':
        return <code key={i}>{node.text}</code>;
      case 'link':
        // A new tab: the preview's links are the channel's, not the web app's navigation.
        return <a key={i} href={node.href} target="_blank" rel="noopener noreferrer">{inlineNodes(node.children)}</a>;
      case 'spoiler':
        return <span key={i} class="spoiler">{inlineNodes(node.children)}</span>;
      case 'strong':
        return <strong key={i}>{inlineNodes(node.children)}</strong>;
      case 'em':
        return <em key={i}>{inlineNodes(node.children)}</em>;
      case 'u':
        return <u key={i}>{inlineNodes(node.children)}</u>;
      case 's':
        return <s key={i}>{inlineNodes(node.children)}</s>;
    }
  });
}

/** Text as Discord shows it: multi-line text with its blocks; a title or footer (one line) with inline styles only. */
export function DiscordText(props: { text: string; inline?: boolean }) {
  if (props.inline) return <>{inlineNodes(parseInline(props.text))}</>;
  return (
    <>
      {parseMarkdown(props.text).map((line, i) => {
        const content = inlineNodes(line.children);
        switch (line.kind) {
          case 'h1':
            return <div key={i} class="md-h1">{content}</div>;
          case 'h2':
            return <div key={i} class="md-h2">{content}</div>;
          case 'h3':
            return <div key={i} class="md-h3">{content}</div>;
          case 'quote':
            return <div key={i} class="md-quote">{content}</div>;
          case 'item':
            return <div key={i} class="md-item">• {content}</div>;
          default:
            return <div key={i} class="md-line">{line.children.length ? content : '\u00a0'}</div>;
        }
      })}
    </>
  );
}
