package ml.sdn.portal.web;

import org.springframework.context.MessageSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one place where the portal turns the services' codes into the reader's words, in the page's language
 * (every page has it as {@code words}: {@code ${words.country(code)}}): countries, phases, statuses, categories,
 * sectors, consent versions, dates in Bamako time and phone numbers. A code without words is shown as it is
 * rather than failing the page; the layout walk (e2e-tests' PortalLayoutIT) catches it.
 */
public final class Words {

    private static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");

    private final MessageSource messages;
    private final Locale locale;

    public Words(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /**
     * The country's name: the bundle's for the three delegations, the JDK's in the page's language for any other
     * (walk-ins come from anywhere: "Sénégal", not "SN").
     */
    public String country(String code) {
        if (code != null && code.strip().length() == 2 && java.util.Set.of(Locale.getISOCountries()).contains(code.strip())) {
            String fallback = new Locale.Builder().setRegion(code.strip()).build().getDisplayCountry(locale);
            return messages.getMessage("country." + code.strip(), null, fallback.isBlank() ? code : fallback, locale);
        }
        return word("country.", code);
    }

    /** "Burkina Faso, Niger" for ["BF", "NE"]. */
    public String countries(Collection<String> codes) {
        return codes == null ? "" : codes.stream().map(this::country).collect(Collectors.joining(", "));
    }

    public String phase(String code) {
        return word("phase.", code);
    }

    /** An application's status. */
    public String status(String code) {
        return word("participant.status.", code);
    }

    public String sector(String code) {
        return word("organizer.stats.sector.", code);
    }

    /** A category's kind (START_UP_CHALLENGE…), for the places that only know its code. */
    public String category(String code) {
        return word("organizer.category.code.", code);
    }

    /** "2026-01" → "janvier 2026" / "January 2026": the month the terms were published. */
    public String consentVersion(String version) {
        if (version == null) {
            return "";
        }
        try {
            YearMonth month = YearMonth.parse(version);
            return month.format(DateTimeFormatter.ofPattern("MMMM yyyy", locale));
        } catch (DateTimeParseException notAMonth) {
            return version;
        }
    }

    /** "18 novembre 2027". */
    public String date(Object value) {
        LocalDate day = null;
        if (value instanceof LocalDate date) {
            day = date;
        } else if (value instanceof LocalDateTime time) {
            day = time.toLocalDate();
        } else if (value instanceof Instant instant) {
            day = LocalDate.ofInstant(instant, BAMAKO);
        } else if (value instanceof String text) {
            day = parseDay(text);
        }
        return day == null ? (value == null ? "" : value.toString()) : day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
    }

    /** "18 novembre 2027, 14:30", Bamako time. */
    public String dateTime(Object value) {
        LocalDateTime time = null;
        if (value instanceof LocalDateTime local) {
            time = local;
        } else if (value instanceof Instant instant) {
            time = LocalDateTime.ofInstant(instant, BAMAKO);
        } else if (value instanceof String text) {
            time = parseInstant(text);
        }
        return time == null ? date(value) : time.format(DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale));
    }

    /** "09:12", Bamako time: when something happened today. */
    public String time(Object value) {
        LocalDateTime time = value instanceof Instant instant ? LocalDateTime.ofInstant(instant, BAMAKO)
                : value instanceof String text ? parseInstant(text) : value instanceof LocalDateTime local ? local : null;
        return time == null ? "" : time.format(DateTimeFormatter.ofPattern("HH:mm", locale));
    }

    /** "jeudi 29 janvier 2026" / "Thursday 29 January 2026": a day of the week's programme. */
    public String day(Object value) {
        LocalDate day = value instanceof LocalDate date ? date : value instanceof String text ? parseDay(text) : null;
        return day == null ? (value == null ? "" : value.toString())
                : day.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale));
    }

    /**
     * "+227 90 12 34 56" for "+22790123456": the country code, then the eight-digit national number of the
     * three countries in pairs. Other numbers are left as they are.
     */
    public static String phone(String number) {
        if (number == null) {
            return "";
        }
        String digits = number.replaceAll("[\\s.-]", "");
        if (digits.matches("\\+22[367]\\d{8}")) {
            String national = digits.substring(4);
            return digits.substring(0, 4) + " " + String.join(" ", List.of(national.substring(0, 2), national.substring(2, 4),
                    national.substring(4, 6), national.substring(6, 8)));
        }
        return number;
    }

    /** The same, for templates ({@code ${@words.phoneNumber(p.phone)}}). */
    public String phoneNumber(String number) {
        return phone(number);
    }

    private String word(String prefix, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return messages.getMessage(prefix + code, null, code, locale);
    }

    private static LocalDate parseDay(String text) {
        try {
            return text.length() >= 10 ? LocalDate.parse(text.substring(0, 10)) : null;
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static LocalDateTime parseInstant(String text) {
        try {
            return LocalDateTime.ofInstant(Instant.parse(text), BAMAKO);
        } catch (DateTimeParseException notAnInstant) {
            return null;
        }
    }
}
