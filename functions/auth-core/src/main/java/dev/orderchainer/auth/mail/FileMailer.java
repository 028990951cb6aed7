package dev.orderchainer.auth.mail;

import dev.orderchainer.auth.domain.Mailer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The local cloud's mail: each message an RFC 5322 .eml file in a folder, its link printed. */
public final class FileMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(FileMailer.class);
    private final Path folder;
    private final String from;
    private final Clock clock;

    public FileMailer(Path folder, String from, Clock clock) {
        this.folder = folder;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public void send(Email email) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        String id = UUID.randomUUID().toString();
        String message = "From: " + from + "\r\n"
                + "To: " + email.to() + "\r\n"
                + "Subject: =?UTF-8?B?" + Base64.getEncoder().encodeToString(email.subject().getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(now) + "\r\n"
                + "Message-ID: <" + id + "@orderchainer.local>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + email.text().replace("\n", "\r\n");
        Path file = folder.resolve(now.toInstant().toEpochMilli() + "-" + id + ".eml");
        try {
            Files.createDirectories(folder);
            Files.writeString(file, message, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        String note = "mail to " + email.to() + " (" + email.subject() + ") saved as " + file.toAbsolutePath()
                + (email.link() == null ? "" : "; link: " + email.link());
        // Printed for the developer, not logged: the link carries a live token.
        System.out.println(note);
        LOG.info("mail to {} saved as {}", email.to(), file.getFileName());
    }
}
