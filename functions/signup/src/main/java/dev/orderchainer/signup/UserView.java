package dev.orderchainer.signup;

import dev.orderchainer.auth.domain.User;

/** The public shape of an account (never the password hash or lockout state). */
record UserView(String id, String email, String username, boolean emailVerified, String createdAt) {
    static UserView of(User user) {
        return new UserView(user.id(), user.email(), user.username(), user.emailVerified(), user.createdAt().toString());
    }
}
