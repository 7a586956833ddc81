package ml.sdn.localstack;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
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
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An SMTP server that keeps every mail in memory (GreenMail) and logs one line per mail, so that a
 * developer sees what the platform sends without a real mailbox. Accepts any login. With refused domains
 * ({@code --smtp-refuse}, none by default) it answers {@code RCPT TO} for their addresses with a permanent 550, as a
 * mail server refuses a mailbox it does not have: the platform's failed e-mails can then be seen and sent again.
 */
final class SmtpSink implements AutoCloseable {

    private final int port;
    private final Path logFile;
    private final PrintStream console;
    private final Set<String> refusedDomains;
    private GreenMail greenMail;
    private ScheduledExecutorService watcher;
    private int logged;

    SmtpSink(int port, Path logFile, PrintStream console) {
        this(port, logFile, console, Set.of());
    }

    SmtpSink(int port, Path logFile, PrintStream console, Set<String> refusedDomains) {
        this.port = port;
        this.logFile = logFile;
        this.console = console;
        this.refusedDomains = refusedDomains.stream().map(domain -> domain.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** {@code refused.example, other.test}: the domains, trimmed, lower case; a blank entry or one with an @ is refused. */
    static Set<String> domains(String list) {
        Set<String> domains = new TreeSet<>();
        for (String entry : list.split(",")) {
            String domain = entry.strip().toLowerCase(Locale.ROOT);
            if (domain.isEmpty() || domain.contains("@") || domain.contains(" ")) {
                throw new IllegalArgumentException("--smtp-refuse needs domains such as refused.example, got '" + entry.strip() + "'");
            }
            domains.add(domain);
        }
        return domains;
    }

    void start() {
        try {
            Files.createDirectories(logFile.getParent());
            greenMail = new RefusingGreenMail(new ServerSetup(port, StackEndpoints.LOOPBACK, ServerSetup.PROTOCOL_SMTP), refusedDomains)
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

    /** GreenMail whose SMTP server asks {@link #refusal} about each recipient (GreenMail's own check accepts all). */
    private static final class RefusingGreenMail extends GreenMail {

        RefusingGreenMail(ServerSetup setup, Set<String> refused) {
            super(setup);
            // start() builds the servers on these managers (the constructor's own are replaced before any start)
            managers = new Managers() {
                private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
                    @Override
                    public String checkRecipient(SmtpState state, MailAddress address) {
                        String refusal = refusal(refused, address.getEmail());
                        return refusal != null ? refusal : super.checkRecipient(state, address);
                    }
                };

                @Override
                public SmtpManager getSmtpManager() {
                    return smtp;
                }
            };
        }
    }

    /** The SMTP answer refusing {@code address}, or null when its domain is not refused. */
    static String refusal(Set<String> refusedDomains, String address) {
        String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return refusedDomains.contains(domain)
                ? "550 5.1.1 <" + address + ">: mailbox unavailable (the local stack refuses " + domain + ", --smtp-refuse)"
                : null;
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
