package ml.sdn.portal.organizer;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Dates as the services write them in JSON (ISO text), turned back into dates for {@code #temporals}:
 * {@code ${when.date(edition.startDate)}}; instants are shown on Bamako's wall clock. Null for anything else.
 */
public final class When {

    static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");

    public LocalDate date(Object iso) {
        try {
            return iso == null ? null : LocalDate.parse(iso.toString());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    public LocalDateTime dateTime(Object iso) {
        if (iso == null) {
            return null;
        }
        String text = iso.toString();
        try {
            return text.endsWith("Z") || text.contains("+") ? LocalDateTime.ofInstant(Instant.parse(text), BAMAKO)
                    : LocalDateTime.parse(text);
        } catch (DateTimeParseException notADateTime) {
            return null;
        }
    }

    /** {@code when} on the pages of the organizer and coordinator areas. */
    @ControllerAdvice(basePackages = {"ml.sdn.portal.organizer", "ml.sdn.portal.coordinator"})
    static class OnPages {
        private static final When WHEN = new When();

        @ModelAttribute("when")
        When when() {
            return WHEN;
        }
    }
}
