package ml.sdn.registration.attendance;

import ml.sdn.registration.participants.SearchKey;

import java.awt.Color;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Who an attendee is at the week, printed in words on the badge over a band of the category's colour, so that
 * door staff and hosts tell a speaker from the press at a glance. An attendance without one (people who
 * registered themselves) is a participant. A delegation member belongs to the delegation of the attendance's
 * country (Mali, Burkina Faso or Niger).
 * <p>
 * The colours are dark enough for white letters and differ in hue as well as in lightness, so that they stay
 * apart on a black-and-white printer too (grey levels) and for most colour-blind readers.
 */
enum AttendeeCategory {
    PARTICIPANT(new Color(0x1F, 0x5F, 0xB0)),      // blue
    DELEGATION_MEMBER(new Color(0x0B, 0x7A, 0x3B)), // green
    SPEAKER(new Color(0xC2, 0x55, 0x00)),          // orange
    JURY(new Color(0x6A, 0x2C, 0x91)),             // purple
    PRESS(new Color(0xB0, 0x12, 0x2A)),            // red
    OFFICIAL(new Color(0x1A, 0x1A, 0x1A)),         // black: officials and VIPs
    STAFF(new Color(0x5C, 0x5C, 0x5C));            // grey

    /** Words people type in a CSV file or a form, French and English, by their search key (accents and case ignored). */
    private static final Map<String, AttendeeCategory> WORDS = Map.ofEntries(
            Map.entry("participant", PARTICIPANT), Map.entry("participante", PARTICIPANT),
            Map.entry("delegation", DELEGATION_MEMBER), Map.entry("membre de delegation", DELEGATION_MEMBER),
            Map.entry("membre de la delegation", DELEGATION_MEMBER), Map.entry("delegation member", DELEGATION_MEMBER),
            Map.entry("intervenant", SPEAKER), Map.entry("intervenante", SPEAKER), Map.entry("orateur", SPEAKER),
            Map.entry("jure", JURY), Map.entry("membre du jury", JURY), Map.entry("presse", PRESS),
            Map.entry("officiel", OFFICIAL), Map.entry("officielle", OFFICIAL), Map.entry("vip", OFFICIAL),
            Map.entry("official vip", OFFICIAL), Map.entry("officiel vip", OFFICIAL), Map.entry("personnel", STAFF));

    private final Color colour;

    AttendeeCategory(Color colour) {
        this.colour = colour;
    }

    Color colour() {
        return colour;
    }

    /** The message key of the category's name on a badge ({@code attendance.category.delegation-member}). */
    String messageKey() {
        return "attendance.category." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** An attendance stored before categories existed, or registered by the person, is a participant's. */
    static AttendeeCategory orParticipant(AttendeeCategory category) {
        return category == null ? PARTICIPANT : category;
    }

    /**
     * The category named by its code ({@code DELEGATION_MEMBER}, {@code delegation-member}) or by a French or
     * English word ({@code Presse}, {@code intervenant}, {@code VIP}); empty if none.
     */
    static Optional<AttendeeCategory> named(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = SearchKey.of(text.replace('_', ' ').replace('-', ' ').replace('/', ' '));
        return Arrays.stream(values()).filter(c -> c.name().replace('_', ' ').equalsIgnoreCase(key)).findFirst()
                .or(() -> Optional.ofNullable(WORDS.get(key)));
    }
}
