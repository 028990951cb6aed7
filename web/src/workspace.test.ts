import { afterEach, describe, expect, it } from 'vitest';
import { activityQuery } from './activity';
import { PERMISSIONS, ROLES } from './generated/contract';
import { deleteRefusal } from './pages/OrderPage';
import { placeProblem } from './forms';
import { ApiError } from './problem';
import { subjectOf } from './session';
import {
  can, chooseWorkspace, currentWorkspace, grantableRoles, isWorkspaceGone, pickWorkspace, refusal, rememberedWorkspaceId,
  workspacePath, WORKSPACE_GONE, type Workspace,
} from './workspace';

const workspace = (id: string, extra: Partial<Workspace> = {}): Workspace => ({
  id, name: `Workspace ${id}`, personal: false, role: 'member', member_count: 2, created_at: '2026-12-01T10:00:00Z', ...extra,
});

afterEach(() => localStorage.clear());

describe('the permission table from the API description', () => {
  it('lets each role do what its own and every lower role may', () => {
    for (const [permission, minimum] of Object.entries(PERMISSIONS)) {
      for (const role of ROLES) {
        expect(can(role, permission as keyof typeof PERMISSIONS), `${role} ${permission}`).toBe(ROLES.indexOf(role) >= ROLES.indexOf(minimum));
      }
    }
    expect(can(undefined, 'read')).toBe(false);
  });

  it('says why a control is off, and nothing when it is on', () => {
    expect(refusal('viewer', 'edit_orders')).toBe('Your role here is viewer; this takes member or above.');
    expect(refusal('member', 'edit_orders')).toBeUndefined();
    expect(refusal('admin', 'delete_workspace')).toBe('Your role here is admin; this takes owner or above.');
  });

  it('lets admins grant roles up to admin and owners every role', () => {
    expect(grantableRoles('admin')).toEqual(['viewer', 'member', 'admin']);
    expect(grantableRoles('owner')).toEqual(['viewer', 'member', 'admin', 'owner']);
    expect(grantableRoles('member')).toEqual([]);
  });

  it('lets a member delete the orders it created and an admin any', () => {
    const order = { created_by: 'ada' } as Parameters<typeof deleteRefusal>[0];
    expect(deleteRefusal(order, 'member', 'ada')).toBeUndefined();
    expect(deleteRefusal(order, 'member', 'grace')).toBe('Your role here is member; this takes admin or above.');
    expect(deleteRefusal(order, 'admin', 'grace')).toBeUndefined();
    expect(deleteRefusal(order, 'viewer', 'ada')).toBe('Your role here is viewer; this takes member or above.');
  });
});

describe('the current workspace', () => {
  it('is the remembered one while the user belongs to it, else the personal one', () => {
    const list = [workspace('u1', { personal: true, role: 'owner' }), workspace('ws_a'), workspace('ws_b')];
    expect(pickWorkspace(list, 'ws_b')?.id).toBe('ws_b');
    expect(pickWorkspace(list, 'ws_gone')?.id).toBe('u1');
    expect(pickWorkspace(list, null)?.id).toBe('u1');
    expect(pickWorkspace([], 'ws_a')).toBeNull();
  });

  it('is remembered by the browser and addresses the API under its id', () => {
    chooseWorkspace(workspace('ws_a/b'));
    expect(rememberedWorkspaceId()).toBe('ws_a/b');
    expect(currentWorkspace()?.id).toBe('ws_a/b');
    expect(workspacePath('/orders?limit=20')).toBe('/api/workspaces/ws_a%2Fb/orders?limit=20');
    expect(workspacePath('', workspace('u1'))).toBe('/api/workspaces/u1');
  });

  it('explains the API saying it is gone (removed, or deleted) instead of repeating a 404', () => {
    expect(isWorkspaceGone(404, 'No workspace ws_a')).toBe(true);
    expect(isWorkspaceGone(404, 'Order 01J not found')).toBe(false);
    expect(isWorkspaceGone(403, 'No workspace ws_a')).toBe(false);
    let heard = 0;
    const listener = () => heard++;
    addEventListener('orderchainer:workspace-gone', listener);
    try {
      expect(placeProblem(new ApiError({ status: 404, detail: 'No workspace ws_a' }), []).message).toBe(WORKSPACE_GONE);
      expect(placeProblem(new ApiError({ status: 404, detail: 'Order x not found' }), []).message).toBe('Order x not found');
    } finally {
      removeEventListener('orderchainer:workspace-gone', listener);
    }
    expect(heard).toBe(1);
  });
});

describe('who the page acts as', () => {
  it('is the access token\'s subject, and nobody for a token it cannot read', () => {
    // "sub":"c0ffee-12?>" encodes to base64url with both - and _ in it.
    const payload = btoa(JSON.stringify({ sub: 'c0ffee-12?>', typ: 'access' })).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    expect(subjectOf(`e30.${payload}.sig`)).toBe('c0ffee-12?>');
    expect(subjectOf('garbage')).toBe('');
    expect(subjectOf('a.e30.b')).toBe('');
  });
});

describe('activity queries', () => {
  it('ask for one order or the whole workspace, a page at a time', () => {
    expect(activityQuery(undefined, null)).toBe('limit=20');
    expect(activityQuery('01J', 'c/1', 5)).toBe('limit=5&order_id=01J&cursor=c%2F1');
  });
});
