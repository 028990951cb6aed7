package dev.orderchainer.workspaces.domain;

/** The API's member. */
public record MemberView(String userId, String username, Role role, String joinedAt) {
    static MemberView of(Member member) {
        return new MemberView(member.userId(), member.username(), member.role(), member.joinedAt().toString());
    }
}
