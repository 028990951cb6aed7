import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import { workspacePath, type Member, type Workspace } from './workspace';

/** The workspace's members (at most 50: one page), for names and the assignee picker; empty until loaded or on failure. */
export function useMembers(workspace: Workspace | null): Member[] {
  const [members, setMembers] = useState<Member[]>([]);
  useEffect(() => {
    let current = true;
    setMembers([]);
    if (workspace) {
      api.get<{ items: Member[] }>(workspacePath('/members', workspace)).then((page) => current && setMembers(page.items), () => {});
    }
    return () => {
      current = false;
    };
  }, [workspace?.id]);
  return members;
}

/** A member's name by user id; someone who left shows as "a former member". */
export function nameOf(members: Member[], userId: string | null | undefined): string {
  if (!userId) return 'nobody';
  return members.find((m) => m.user_id === userId)?.username ?? 'a former member';
}
