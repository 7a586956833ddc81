package ml.sdn.notification.templates;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import ml.sdn.notification.catalogue.Language;
import ml.sdn.notification.catalogue.NotificationKind;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a kind's subject and body templates ({@code notification-templates/<lang>/<kind>.subject.mustache},
 * {@code …body.mustache}) with Mustache. The templates see the model they are given plus
 * {@code {{#msg}}key{{/msg}}}, which looks a key up in the message bundles in the recipient's
 * language (country names and other shared words live there, not in each template).
 *
 * {@code {{#date}}2026-01-29{{/date}}} and {@code {{#dateTime}}2026-01-20T18:00:00Z{{/dateTime}}} write an
 * ISO day or instant in the recipient's language (an instant in Bamako time, where the week happens);
 * {@code {{#time}}…{{/time}}} only an instant's time of day in Bamako (« 11:30 », the end of a session);
 * {@code {{#ordinal}}3{{/ordinal}}} writes « 3e » or "3rd".
 *
 * <p>Plain text: no HTML escaping; more than one blank line in a row (optional lines all absent) reads as one. A variable missing from the model is an error, never an empty
 * hole in a message sent to a person.
 */
@Component
public class NotificationTemplates {

    static final String LOCATION = "notification-templates/";
    /** Where the week happens, and the time zone of every phase and deadline of the competition. */
    static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");

    private final MessageSource messages;
    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false);
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    public NotificationTemplates(MessageSource messages) {
        this.messages = messages;
    }

    public RenderedMessage render(NotificationKind kind, Language language, Map<String, ?> model) {
        Map<String, Object> context = context(language, model);
        try {
            String subject = template(kind, language, "subject").execute(context).strip().replaceAll("\\s+", " ");
            // a paragraph whose every line was optional and absent leaves no gap of more than one blank line
            String body = template(kind, language, "body").execute(context).strip().replaceAll("\n{3,}", "\n\n") + "\n";
            return new RenderedMessage(language, subject, body);
        } catch (MustacheException | NoSuchMessageException | DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("Cannot render " + kind + " in " + language + ": " + e.getMessage(), e);
        }
    }

    /**
     * The kind's SMS text ({@code <kind>.sms.mustache}, for the kinds {@link NotificationKind#bySms()}): one
     * line, spaces collapsed, nothing the handset would show as a gap.
     */
    public String renderSms(NotificationKind kind, Language language, Map<String, ?> model) {
        try {
            return template(kind, language, "sms").execute(context(language, model)).strip().replaceAll("\\s+", " ");
        } catch (MustacheException | NoSuchMessageException | DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("Cannot render the SMS of " + kind + " in " + language + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Object> context(Language language, Map<String, ?> model) {
        Map<String, Object> context = new HashMap<>(model);
        context.put("msg", (Mustache.Lambda) (fragment, out) ->
                out.write(messages.getMessage(fragment.execute().trim(), null, language.locale())));
        context.put("date", (Mustache.Lambda) (fragment, out) ->
                out.write(day(LocalDate.parse(fragment.execute().trim()), language)));
        context.put("dateTime", (Mustache.Lambda) (fragment, out) ->
                out.write(dateTime(Instant.parse(fragment.execute().trim()), language)));
        context.put("time", (Mustache.Lambda) (fragment, out) ->
                out.write(Instant.parse(fragment.execute().trim()).atZone(BAMAKO).format(DateTimeFormatter.ofPattern("HH:mm"))));
        context.put("ordinal", (Mustache.Lambda) (fragment, out) ->
                out.write(messages.getMessage("format.ordinal", new Object[] {Integer.parseInt(fragment.execute().trim())},
                        language.locale())));
        return context;
    }

    /** A day of the week, in full: « jeudi 29 janvier 2026 », "Thursday, January 29, 2026". */
    private static String day(LocalDate day, Language language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(language.locale()).format(day);
    }

    /**
     * An instant as a day and a 24-hour time in Bamako (GMT all year: Mali and Burkina Faso's time, one
     * hour behind Niger's), joined by the bundle's {@code format.date-time}, which names the time zone.
     */
    private String dateTime(Instant instant, Language language) {
        ZonedDateTime at = instant.atZone(BAMAKO);
        return messages.getMessage("format.date-time",
                new Object[] {day(at.toLocalDate(), language), at.format(DateTimeFormatter.ofPattern("HH:mm"))},
                language.locale());
    }

    private Template template(NotificationKind kind, Language language, String part) {
        String path = LOCATION + language.code() + "/" + kind.templateName() + "." + part + ".mustache";
        return compiled.computeIfAbsent(path, this::compile);
    }

    private Template compile(String path) {
        ClassPathResource resource = new ClassPathResource(path);
        if (!resource.exists()) {
            throw new IllegalStateException("Missing notification template " + path);
        }
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return compiler.compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read notification template " + path, e);
        }
    }
}
