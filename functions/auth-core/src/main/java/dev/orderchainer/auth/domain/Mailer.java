package dev.orderchainer.auth.domain;

/** Sends transactional email (Amazon SES when deployed, .eml files in the local cloud). */
public interface Mailer {
    record Email(String to, String subject, String text, String link) {}

    void send(Email email);
}
