import { describe, expect, it } from 'vitest';
import { placeProblem } from './forms';
import { passwordRules } from './passwordRules';
import { listQuery } from './pages/OrdersPage';
import { ApiError } from './problem';
import { match } from './router';
import { session, startSession } from './session';

describe('routes', () => {
  it('match patterns and decode their parameters', () => {
    expect(match('/orders/:id', '/orders/01JDQ8X3')).toEqual({ id: '01JDQ8X3' });
    expect(match('/orders/:id', '/orders/a%20b')).toEqual({ id: 'a b' });
    expect(match('/orders/:id', '/orders')).toBeNull();
    expect(match('/orders/:id', '/orders/1/2')).toBeNull();
    expect(match('/orders/:id', '/orders/%E0%A4%A')).toBeNull();
  });
});

describe('listing queries', () => {
  it('use status for statuses and view for the workflow views, never both', () => {
    expect(listQuery('all', null)).toBe('limit=20');
    expect(listQuery('failed', null)).toBe('limit=20&status=failed');
    expect(listQuery('ready', 'abc', 50)).toBe('limit=50&view=ready&cursor=abc');
  });

  it('filter by assignee beside a status or view', () => {
    expect(listQuery('blocked', null, 20, 'me')).toBe('limit=20&view=blocked&assignee=me');
    expect(listQuery('all', null, 20, 'u 1')).toBe('limit=20&assignee=u+1');
  });
});

describe('password rules', () => {
  it('count code points and compare without case', () => {
    expect(passwordRules('😀'.repeat(12), 'ada', 'ada@example.org')[0].met).toBe(true);
    expect(passwordRules('short', 'ada', 'ada@example.org')[0].met).toBe(false);
    const withName = passwordRules('violet ADA kettle orbit', 'ada', 'x@example.org');
    expect(withName.find((r) => r.rule.includes('username'))!.met).toBe(false);
    const withMail = passwordRules('violet lovelace kettle', 'zed', 'lovelace@example.org');
    expect(withMail.find((r) => r.rule.includes('email'))!.met).toBe(false);
  });
});

describe('problems on forms', () => {
  it('go beside the field they name, else above the form', () => {
    const field = new ApiError({ status: 400, detail: "Field 'title' must not be blank", field: 'title' });
    expect(placeProblem(field, ['title']).field).toBe('title');
    expect(placeProblem(field, ['email']).field).toBeUndefined();
    expect(placeProblem(new Error('x'), []).message).toMatch(/went wrong/);
  });
});

describe('session', () => {
  it('knows when its access token expires', () => {
    const s = startSession('t', 60, 'ada', 1_000);
    expect(s.expiresAt).toBe(61_000);
    expect(session()?.username).toBe('ada');
  });
});

describe('problems naming a nested field', () => {
  it('go beside the form field they belong to', () => {
    const nested = new ApiError({ status: 400, detail: "Field 'dependencies[2]' must not be null", field: 'dependencies[2]' });
    expect(placeProblem(nested, ['title', 'dependencies']).field).toBe('dependencies');
    const deep = new ApiError({ status: 400, detail: "Field 'notifications.order_ready' must be a boolean", field: 'notifications.order_ready' });
    expect(placeProblem(deep, ['notifications']).field).toBe('notifications');
  });
});
