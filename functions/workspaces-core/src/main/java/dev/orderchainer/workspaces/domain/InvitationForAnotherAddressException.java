package dev.orderchainer.workspaces.domain;

import dev.orderchainer.common.domain.NotPermittedException;
import java.util.Map;

/** Only the invited address may accept: the caller's verified email is another, or not verified yet. */
public final class InvitationForAnotherAddressException extends NotPermittedException {
    InvitationForAnotherAddressException(boolean verified) {
        super(verified ? "This invitation was sent to another email address; sign in with the account of that address"
                : "Verify your email address first: only the invited address may accept", Map.of("email_verified", verified));
    }
}
