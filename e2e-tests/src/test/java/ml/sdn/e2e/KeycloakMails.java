package ml.sdn.e2e;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The e-mails Keycloak sends (address verification, forgotten password) as the stack's SMTP sink received
 * them, and the one-time links in them ({@code /login-actions/action-token?key=…}).
 */
public final class KeycloakMails {

    private static final Pattern ACTION_LINK = Pattern.compile("https?://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+");

    private KeycloakMails() {
    }

    /** Every action link sent to that address so far, oldest first. */
    public static List<String> links(Platform platform, String address) {
        Set<String> links = new LinkedHashSet<>();
        Arrays.stream(platform.receivedMails()).filter(mail -> isTo(mail, address)).forEach(mail -> {
            Matcher link = ACTION_LINK.matcher(textOf(mail));
            while (link.find()) {
                links.add(link.group().replace("&amp;", "&"));
            }
        });
        return new ArrayList<>(links);
    }

    /** Waits for a link sent after the {@code alreadySent} first ones and returns it. */
    public static String awaitNewLink(Platform platform, String address, int alreadySent) {
        await().atMost(Duration.ofSeconds(30)).until(() -> links(platform, address).size() > alreadySent);
        List<String> links = links(platform, address);
        return links.get(links.size() - 1);
    }

    /**
     * Opens the verification link sent to that address as a phone's mail app would (another browser than the one
     * that signed up): Keycloak asks to confirm, and following the confirmation verifies the address. Keycloak's
     * cookies are kept by hand (the JDK's cookie manager refuses those of {@code localhost}); the walk stops when
     * Keycloak sends the browser back to the application.
     */
    public static void verifyAddress(Platform platform, String address) {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        Map<String, String> cookies = new LinkedHashMap<>();
        String url = awaitNewLink(platform, address, 0);
        Set<String> opened = new LinkedHashSet<>();
        for (int step = 0; step < 6 && url.startsWith(platform.keycloak("")) && opened.add(url); step++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            Platform.Response response = Platform.send(http, request.build());
            for (String set : response.raw().headers().allValues("Set-Cookie")) {
                String[] pair = set.split(";", 2)[0].split("=", 2);
                if (pair.length == 2 && !pair[1].isBlank()) {
                    cookies.put(pair[0].strip(), pair[1].strip());
                }
            }
            assertThat(response.status()).as(response.body()).isLessThan(400);
            if (response.header("Location") != null) {
                String location = response.header("Location");
                url = location.startsWith("/") ? platform.keycloak(location) : location;
                continue;
            }
            Matcher confirm = ACTION_LINK.matcher(response.body().replace("&amp;", "&"));
            if (!confirm.find()) {
                return; // "your address is verified"
            }
            url = confirm.group();
        }
    }

    private static boolean isTo(MimeMessage mail, String address) {
        try {
            return mail.getRecipients(Message.RecipientType.TO) != null && Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> to.toString().toLowerCase(Locale.ROOT).contains(address.toLowerCase(Locale.ROOT)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Subject and every text part (Keycloak sends text and HTML). */
    static String textOf(Part part) {
        try {
            StringBuilder text = new StringBuilder();
            if (part instanceof MimeMessage message && message.getSubject() != null) {
                text.append(message.getSubject()).append('\n');
            }
            Object content = part.getContent();
            if (content instanceof String body) {
                text.append(body);
            } else if (content instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    text.append(textOf(parts.getBodyPart(i))).append('\n');
                }
            }
            return text.toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
