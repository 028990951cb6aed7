package dev.orderchainer.common.domain;

import java.time.Instant;

/**
 * Who made a change and when, as the stores stamp it on an item for the activity log: a stream record's own time is
 * rounded to the second, so entries of one second would sort at random without it.
 */
public record ChangedBy(String userId, Instant at) {}
