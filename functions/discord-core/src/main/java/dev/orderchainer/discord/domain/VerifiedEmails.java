package dev.orderchainer.discord.domain;

/** Whether a user has verified their email address (integrations require it). */
public interface VerifiedEmails {
    boolean isVerified(String userId);
}
