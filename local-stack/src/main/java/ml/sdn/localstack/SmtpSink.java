package ml.sdn.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An SMTP server that keeps every mail in memory (GreenMail) and logs one line per mail, so that a
 * developer sees what the platform sends without a real mailbox. Accepts any login.
 */
final class SmtpSink implements AutoCloseable {

    private final int port;
    private final Path logFile;
    private final PrintStream console;
    private GreenMail greenMail;
    private ScheduledExecutorService watcher;
    private int logged;

    SmtpSink(int port, Path logFile, PrintStream console) {
        this.port = port;
        this.logFile = logFile;
        this.console = console;
    }

    void start() {
        try {
            Files.createDirectories(logFile.getParent());
            greenMail = new GreenMail(new ServerSetup(port, StackEndpoints.LOOPBACK, ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            greenMail.start();
        } catch (IOException | RuntimeException e) {
            throw new StackStartException("could not start the SMTP sink on port " + port + ": " + e.getMessage(), e);
        }
        watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "smtp-sink-log");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(this::logNewMails, 1, 1, TimeUnit.SECONDS);
    }

    GreenMail greenMail() {
        return greenMail;
    }

    private synchronized void logNewMails() {
        MimeMessage[] received = greenMail.getReceivedMessages();
        for (int i = logged; i < received.length; i++) {
            String line = "mail to=" + recipients(received[i]) + " subject=\"" + subject(received[i]) + "\"";
            console.println("  [smtp] " + line);
            try {
                Files.writeString(logFile, Instant.now() + " " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        logged = received.length;
    }

    private static String recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null ? "" : Arrays.stream(all).map(Address::toString).collect(Collectors.joining(","));
        } catch (MessagingException e) {
            return "?";
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return "?";
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }
}
