package dev.orderchainer.health;

/** Checks that the database answers; implemented against DynamoDB, faked by nothing. */
public interface DatabaseProbe {
    /** @throws RuntimeException when the database cannot be reached or is not ready */
    void check();
}
