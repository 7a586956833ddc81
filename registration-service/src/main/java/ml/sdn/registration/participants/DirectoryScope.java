package ml.sdn.registration.participants;

import ml.sdn.platform.security.Caller;

import java.util.Set;

/**
 * Which participants a caller may list, and what of them. An organizer sees everyone, gender included.
 * A coordinator sees only the participants of their delegation (the {@code delegation} claim, which only
 * administrators set — not {@code country}, which people choose themselves), whatever country they ask
 * for: asking for another one gives nobody (an empty page, not other people). A coordinator supports
 * their delegation, so they see contact details (e-mail, phone) but never gender, which serves the
 * women-led prize and statistics only. Anyone else sees nobody (the controller answers 403 before).
 *
 * @param country    the only country shown, or null for every country
 * @param nobody     true when the caller may see no one for this request
 * @param withGender whether gender is shown
 */
public record DirectoryScope(String country, boolean nobody, boolean withGender) {

    public static final Set<String> AES_COUNTRIES = Set.of("ML", "BF", "NE");
    public static final String ORGANIZER = "organizer";
    public static final String COORDINATOR = "coordinator";

    private static final DirectoryScope NOBODY = new DirectoryScope(null, true, false);

    /** @param requestedCountry the {@code country} filter of the request, or null */
    public static DirectoryScope of(Caller caller, String requestedCountry) {
        if (caller.hasRole(ORGANIZER)) {
            return new DirectoryScope(requestedCountry, false, true);
        }
        String delegation = caller.coordinatedCountry();
        if (delegation == null || !AES_COUNTRIES.contains(delegation)) {
            return NOBODY;
        }
        if (requestedCountry != null && !requestedCountry.equals(delegation)) {
            return NOBODY;
        }
        return new DirectoryScope(delegation, false, false);
    }
}
