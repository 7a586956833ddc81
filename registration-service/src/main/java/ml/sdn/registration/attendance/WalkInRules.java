package ml.sdn.registration.attendance;

import ml.sdn.registration.participants.DirectoryScope;
import ml.sdn.registration.participants.SearchKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a walk-in's details must be, without storage (plain Java), for the form and for each line of a CSV
 * file alike: every field at fault at once, by name. A coordinator registers people of their own delegation
 * only: another country is refused, whatever the request says.
 */
final class WalkInRules {

    static final int MAX_NAME = 100;
    static final int MAX_ORGANIZATION = 120;
    static final int MAX_EMAIL = 254;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** Countries by their French and English names' search keys ("senegal", "cote d'ivoire", "niger"). */
    private static final Map<String, String> COUNTRY_NAMES = countryNames();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[\\d\\s.()-]+");
    private static final int MIN_PHONE_DIGITS = 8;
    private static final int MAX_PHONE_DIGITS = 15;

    private WalkInRules() {
    }

    /** A field at fault, with the message's bundle key and its arguments. */
    record Fault(String field, String messageKey, Object... arguments) {
    }

    /** The details, tidied (spaces stripped, the country in capitals, the category parsed). */
    record Details(String name, AttendeeCategory category, String country, String organization, String phone, String email) {

        /** Country, name and contact: the same person typed again (another case, accents or not) is the same key. */
        String identityKey() {
            String contact = email != null ? email.toLowerCase(Locale.ROOT) : phone.replaceAll("\\D", "");
            return country + "|" + SearchKey.of(name) + "|" + contact;
        }
    }

    /** The outcome: the tidied details when nothing is at fault, else every fault. */
    record Checked(Details details, List<Fault> faults) {
        boolean ok() {
            return faults.isEmpty();
        }

        /** A coordinator naming another delegation: refused as an access rule (403), not as a typing error. */
        boolean otherDelegation() {
            return faults.stream().anyMatch(f -> f.messageKey().equals("attendance.walk-in.other-delegation"));
        }
    }

    /**
     * @param delegation the coordinator's delegation, null for an organizer (any country); a coordinator may leave
     *                   the country out, it is then theirs
     */
    static Checked check(String name, String category, String country, String organization, String phone, String email,
                         String delegation) {
        List<Fault> faults = new ArrayList<>();
        String tidyName = tidy(name);
        if (tidyName == null) {
            faults.add(new Fault("name", "attendance.walk-in.name.required"));
        } else if (tidyName.length() > MAX_NAME) {
            faults.add(new Fault("name", "attendance.walk-in.name.size", MAX_NAME));
        }
        Optional<AttendeeCategory> chosen = tidy(category) == null ? Optional.of(AttendeeCategory.PARTICIPANT)
                : AttendeeCategory.named(category);
        if (chosen.isEmpty()) {
            faults.add(new Fault("category", "attendance.category.invalid"));
        }
        String tidyCountry = tidy(country) == null ? delegation : countryCode(country);
        if (tidyCountry == null) {
            faults.add(new Fault("country", "attendance.walk-in.country.required"));
        } else if (!COUNTRIES.contains(tidyCountry)) {
            faults.add(new Fault("country", "attendance.walk-in.country.invalid"));
        } else if (delegation != null && !delegation.equals(tidyCountry)) {
            faults.add(new Fault("country", "attendance.walk-in.other-delegation"));
        } else if (chosen.orElse(null) == AttendeeCategory.DELEGATION_MEMBER
                && !DirectoryScope.AES_COUNTRIES.contains(tidyCountry)) {
            faults.add(new Fault("country", "attendance.walk-in.country.delegation"));
        }
        String tidyOrganization = tidy(organization);
        if (tidyOrganization != null && tidyOrganization.length() > MAX_ORGANIZATION) {
            faults.add(new Fault("organization", "attendance.walk-in.organization.size", MAX_ORGANIZATION));
        }
        String tidyPhone = tidy(phone);
        String tidyEmail = tidy(email);
        if (tidyPhone == null && tidyEmail == null) {
            faults.add(new Fault("phone", "attendance.walk-in.contact.required"));
            faults.add(new Fault("email", "attendance.walk-in.contact.required"));
        }
        if (tidyPhone != null) {
            int digits = tidyPhone.replaceAll("\\D", "").length();
            if (!PHONE.matcher(tidyPhone).matches() || digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS) {
                faults.add(new Fault("phone", "attendance.walk-in.phone.invalid"));
            }
        }
        if (tidyEmail != null && (tidyEmail.length() > MAX_EMAIL || !EMAIL.matcher(tidyEmail).matches())) {
            faults.add(new Fault("email", "attendance.walk-in.email.invalid"));
        }
        return new Checked(faults.isEmpty() ? new Details(tidyName, chosen.orElseThrow(), tidyCountry, tidyOrganization,
                tidyPhone, tidyEmail) : null, List.copyOf(faults));
    }

    /** The country's code from its code in any case ("ml") or its name in French or English ("Sénégal"). */
    static String countryCode(String text) {
        String stripped = text.strip();
        if (stripped.length() == 2) {
            return stripped.toUpperCase(Locale.ROOT);
        }
        return COUNTRY_NAMES.getOrDefault(nameKey(stripped), stripped);
    }

    /** The search key, with the typographic apostrophe of Java's names ("Côte d’Ivoire") as people type it. */
    private static String nameKey(String name) {
        return SearchKey.of(name).replace('’', '\'');
    }

    private static Map<String, String> countryNames() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale region = new Locale.Builder().setRegion(code).build();
            names.put(nameKey(region.getDisplayCountry(Locale.ENGLISH)), code);
            names.put(nameKey(region.getDisplayCountry(Locale.FRENCH)), code);
        }
        return Map.copyOf(names);
    }

    private static String tidy(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip().replaceAll("\\s+", " ");
        return stripped.isEmpty() ? null : stripped;
    }
}
