package dev.orderchainer.notifier.events;

import java.util.List;

/** The fields of an order image on the table stream that events are about. */
public record OrderSnapshot(String id, String userId, String title, String description, String status, List<String> dependencies,
                            String updatedAt) {}
