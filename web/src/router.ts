import { useEffect, useState } from 'preact/hooks';

/** A route's pattern, e.g. "/orders/:id"; the matched parameters by name. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) {
    return null;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      try {
        params[want[i].slice(1)] = decodeURIComponent(got[i]);
      } catch {
        return null;
      }
    } else if (want[i] !== got[i]) {
      return null;
    }
  }
  return params;
}

export function navigate(to: string, replace = false): void {
  if (replace) {
    history.replaceState(null, '', to);
  } else {
    history.pushState(null, '', to);
  }
  dispatchEvent(new PopStateEvent('popstate'));
}

/** The current location (path and query), re-rendering on every navigation. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const read = () => ({ path: location.pathname, query: new URLSearchParams(location.search) });
  const [where, setWhere] = useState(read);
  useEffect(() => {
    const update = () => setWhere(read());
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return where;
}

/** Same-origin links navigate without a page load; modified clicks (new tab, ...) behave as usual. */
export function onLinkClick(event: MouseEvent): void {
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  // getAttribute: an SVG link's href is not a string property.
  const url = new URL(anchor.getAttribute('href') ?? '', location.href);
  if (url.origin === location.origin && !anchor.hasAttribute('download') && anchor.target !== '_blank') {
    event.preventDefault();
    navigate(url.pathname + url.search);
  }
}

/** The document's title for a page (WCAG 2.4.2): "Orders · OrderChainer"; the product's name alone without one. */
export function titleOf(page: string | undefined): string {
  return page ? `${page} · OrderChainer` : 'OrderChainer';
}

/** Sets the document's title while a page shows; undefined leaves it to a page further down (an order's). */
export function useTitle(page: string | undefined): void {
  useEffect(() => {
    if (page !== undefined) {
      document.title = titleOf(page);
    }
  }, [page]);
}
