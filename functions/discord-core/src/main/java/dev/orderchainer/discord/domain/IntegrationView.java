package dev.orderchainer.discord.domain;

/** The integration as the API shows it: the webhook token masked. */
public record IntegrationView(
        String webhookUrl,
        String webhookId,
        String username,
        String avatarUrl,
        Notifications notifications,
        boolean enabled,
        String disabledReason,
        String createdAt,
        String updatedAt) {

    static IntegrationView of(Integration integration) {
        return new IntegrationView(integration.webhook().masked(), integration.webhook().id(), integration.username(),
                integration.avatarUrl(), integration.notifications(), integration.enabled(), integration.disabledReason(),
                integration.createdAt().toString(), integration.updatedAt().toString());
    }
}
