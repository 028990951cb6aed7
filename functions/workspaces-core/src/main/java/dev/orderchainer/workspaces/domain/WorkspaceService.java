package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.ChangedBy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The workspace use cases. Each takes the caller's {@link Access}, read from the table for this request,
 * and names the {@link Action} it performs; the permission table decides. The personal workspace
 * ({@code id} = the owner's user id) has no row of its own: it is derived from the account.
 */
public final class WorkspaceService {
    public static final int MAX_MEMBERS = 50;
    /** Team workspaces a user may belong to (the personal one is not counted). */
    public static final int MAX_WORKSPACES = 50;
    private static final int ATTEMPTS = 4;
    private final WorkspaceStore store;
    private final Accounts accounts;
    private final Clock clock;

    public WorkspaceService(WorkspaceStore store, Accounts accounts, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The caller's workspaces: the personal one first, then the others by name. */
    public List<WorkspaceView> list(String userId) {
        List<WorkspaceView> views = new ArrayList<>();
        views.add(WorkspaceView.of(Workspace.personal(account(userId)), Role.OWNER));
        store.membershipsOf(userId).stream()
                .sorted(Comparator.comparing((Membership m) -> m.workspace().name().toLowerCase(Locale.ROOT))
                        .thenComparing(m -> m.workspace().id()))
                .forEach(m -> views.add(WorkspaceView.of(m.workspace(), m.role())));
        return views;
    }

    /** A new workspace with the caller as its one owner. */
    public WorkspaceView create(String userId, String requestedName) {
        String name = WorkspaceName.of(requestedName);
        Account account = account(userId);
        if (store.membershipCount(userId) >= MAX_WORKSPACES) {
            throw new TooManyWorkspacesException(MAX_WORKSPACES);
        }
        Workspace workspace = new Workspace(WorkspaceIds.next(), name, false, 1, clock.instant());
        store.create(workspace, new Member(workspace.id(), userId, account.username(), Role.OWNER, workspace.createdAt()));
        return WorkspaceView.of(workspace, Role.OWNER);
    }

    public WorkspaceView get(Access access) {
        return view(access, workspace(access));
    }

    /** A workspace already read with the access check (one round trip), as the caller sees it. */
    public WorkspaceView view(Access access, Workspace workspace) {
        access.require(Action.READ);
        return WorkspaceView.of(workspace, access.role());
    }

    public WorkspaceView rename(Access access, String requestedName) {
        String name = WorkspaceName.of(requestedName);
        notPersonal(access, "be renamed");
        access.require(Action.RENAME_WORKSPACE);
        try {
            return WorkspaceView.of(store.rename(access.workspaceId(), name, new ChangedBy(access.userId(), clock.instant())), access.role());
        } catch (WorkspaceStore.ConcurrentChangeException deleted) {
            // The only condition is that it exists: it was deleted since the member was read.
            throw new WorkspaceNotFoundException(access.workspaceId());
        }
    }

    /** Deletes the workspace: every member's access ends at once, then what it held is removed. */
    public void delete(Access access) {
        notPersonal(access, "be deleted");
        access.require(Action.DELETE_WORKSPACE);
        retrying(() -> {
            Workspace current = workspace(access);
            store.delete(current, store.members(current.id()));
            return null;
        });
        store.purge(access.workspaceId());
    }

    public List<MemberView> members(Access access) {
        access.require(Action.READ);
        if (access.personalWorkspace()) {
            Account owner = account(access.userId());
            return List.of(new MemberView(owner.userId(), owner.username(), Role.OWNER, owner.createdAt().toString()));
        }
        return store.members(access.workspaceId()).stream().map(MemberView::of).toList();
    }

    /** Admins set roles up to admin; granting or taking the owner role takes an owner; an owner always remains. */
    public MemberView changeRole(Access access, String userId, Role role) {
        notPersonal(access, "have other roles");
        access.require(Action.MANAGE_MEMBERS);
        return retrying(() -> {
            Member target = member(access, userId);
            if (target.role() == Role.OWNER || role == Role.OWNER) {
                access.require(Action.GRANT_OWNER);
            }
            if (target.role() != role) {
                store.changeRole(target, role, new ChangedBy(access.userId(), clock.instant()));
            }
            return MemberView.of(target.withRole(role));
        });
    }

    /** Removes a member (an admin's call; an owner only by an owner), or the caller itself: leaving. */
    public void remove(Access access, String userId) {
        notPersonal(access, "lose its owner");
        retrying(() -> {
            Member target = member(access, userId);
            if (!target.userId().equals(access.userId())) {
                access.require(Action.MANAGE_MEMBERS);
                if (target.role() == Role.OWNER) {
                    access.require(Action.GRANT_OWNER);
                }
            }
            store.remove(target, new ChangedBy(access.userId(), clock.instant()));
            return null;
        });
    }

    private Member member(Access access, String userId) {
        return store.member(access.workspaceId(), userId).orElseThrow(() -> new MemberNotFoundException(userId));
    }

    private Workspace workspace(Access access) {
        if (access.personalWorkspace()) {
            return Workspace.personal(account(access.userId()));
        }
        return store.workspace(access.workspaceId()).orElseThrow(() -> new WorkspaceNotFoundException(access.workspaceId()));
    }

    private Account account(String userId) {
        return accounts.find(userId).orElseThrow(AccountNotFoundException::new);
    }

    private static void notPersonal(Access access, String what) {
        if (access.personalWorkspace()) {
            throw new PersonalWorkspaceException(what);
        }
    }

    private static <T> T retrying(Supplier<T> attempt) {
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (WorkspaceStore.NoOwnerLeftException lastOwner) {
                throw new LastOwnerException();
            } catch (WorkspaceStore.ConcurrentChangeException raced) {
                if (i == ATTEMPTS) {
                    throw new WorkspaceChangedMeanwhileException();
                }
            }
        }
    }
}
