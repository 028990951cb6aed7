package dev.orderchainer.discord.domain;

/** What clients may send to the integration endpoints. */
public final class IntegrationRequests {
    private IntegrationRequests() {}

    public record Create(String webhookUrl, String username, String avatarUrl, Notifications notifications) {}

    /** Absent fields stay as they are. */
    public record Update(String webhookUrl, String username, String avatarUrl, Notifications notifications) {}
}
