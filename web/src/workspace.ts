import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import { PERMISSIONS, ROLES, type Permission, type Role } from './generated/contract';

export type { Permission, Role } from './generated/contract';

export interface Workspace {
  id: string;
  name: string;
  personal: boolean;
  role: Role;
  member_count: number;
  created_at: string;
}

export interface Member {
  user_id: string;
  username: string;
  role: Role;
  joined_at: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  expires_at: string;
  created_at: string;
}

export interface Activity {
  id: string;
  at: string;
  actor: { user_id: string | null; username: string };
  action: string;
  order_id: string | null;
  summary: string;
}

/** The workspace the pages show, remembered per browser (an id only: the role is read from the API each time). */
const REMEMBERED = 'orderchainer.workspace';

/** A value every page shares: each that uses it re-renders when it changes. */
function shared<T>(initial: T) {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next: T) {
      value = next;
      listeners.forEach((listener) => listener(next));
    },
    use(): T {
      const [seen, setSeen] = useState(value);
      useEffect(() => {
        listeners.add(setSeen);
        setSeen(value);
        return () => {
          listeners.delete(setSeen);
        };
      }, []);
      return seen;
    },
  };
}

const current = shared<Workspace | null>(null);
const all = shared<Workspace[]>([]);

export function currentWorkspace(): Workspace | null {
  return current.get();
}

/** Shows {@code workspace} from now on, in this tab and after a reload. */
export function chooseWorkspace(workspace: Workspace | null): void {
  try {
    if (workspace) localStorage.setItem(REMEMBERED, workspace.id);
  } catch {
    // Storage refused: the choice lasts until the tab closes.
  }
  current.set(workspace);
}

export function rememberedWorkspaceId(): string | null {
  try {
    return localStorage.getItem(REMEMBERED);
  } catch {
    return null;
  }
}

/** The remembered workspace if the user still belongs to it, else the personal one (the API lists it first). */
export function pickWorkspace(workspaces: Workspace[], remembered: string | null): Workspace | null {
  return workspaces.find((w) => w.id === remembered) ?? workspaces.find((w) => w.personal) ?? workspaces[0] ?? null;
}

/**
 * Reads the user's workspaces again (after a create, rename, join, leave, or a refusal saying one is gone) and keeps
 * the current one if the user still belongs to it, with its role as it is now.
 */
export async function reloadWorkspaces(prefer: string | null = current.get()?.id ?? rememberedWorkspaceId()): Promise<Workspace[]> {
  const page = await api.get<{ items: Workspace[] }>('/api/workspaces');
  all.set(page.items);
  chooseWorkspace(pickWorkspace(page.items, prefer));
  return page.items;
}

/** Forgets the list and the choice in memory (signing out); the remembered id stays for the next sign-in. */
export function forgetWorkspaces(): void {
  all.set([]);
  current.set(null);
}

/** The user's workspaces as last read, re-rendering when they are read again. */
export function useWorkspaces(): Workspace[] {
  return all.use();
}

/** The current workspace, re-rendering when another is chosen. */
export function useWorkspace(): Workspace | null {
  return current.use();
}

/** An API path of a workspace (the current one by default): "/api/workspaces/{wid}" + {@code path}. */
export function workspacePath(path = '', workspace: Workspace | null = current.get()): string {
  if (!workspace) {
    throw new Error('no workspace chosen yet');
  }
  return `/api/workspaces/${encodeURIComponent(workspace.id)}${path}`;
}

/** Whether {@code role} may do it: the API's permission table (Role.x-permissions), each role including the ones below. */
export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && ROLES.indexOf(role) >= ROLES.indexOf(PERMISSIONS[permission]);
}

/** Why a control is off for this role, or undefined when the role allows it (the server still decides). */
export function refusal(role: Role | undefined, permission: Permission): string | undefined {
  if (can(role, permission)) return undefined;
  return `Your role here is ${role ?? 'unknown'}; this takes ${PERMISSIONS[permission]} or above.`;
}

/** Roles a member with {@code role} may give (an admin up to admin, an owner any). */
export function grantableRoles(role: Role): Role[] {
  return ROLES.filter((r) => (r === 'owner' ? can(role, 'grant_owner') : can(role, 'manage_members')));
}

/** Whether a problem says the workspace is gone for this user (removed, or the workspace deleted): the API's 404. */
export function isWorkspaceGone(status: number, detail: string): boolean {
  return status === 404 && detail.startsWith('No workspace ');
}

export const WORKSPACE_GONE =
  'You are no longer a member of this workspace (you were removed, or it was deleted): here is your personal workspace; '
  + 'the header lists the others.';

/** Each role as a choice names what it adds. */
export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  viewer: 'viewer (reads)',
  member: 'member (edits orders)',
  admin: 'admin (manages the workspace)',
  owner: 'owner (deletes it, grants owner)',
};
