package ml.sdn.registration.attendance;

import java.util.List;

/**
 * A walk-in as an organizer or a coordinator types it: everything as text, checked by {@link WalkInRules}
 * (every field at fault at once). {@code days}: ISO dates of open days. {@code category}: a code
 * ({@code SPEAKER}) or a word ({@code presse}); blank, a participant. {@code country}: ISO code; a coordinator
 * may leave it out (their delegation). A phone or an e-mail, or both.
 */
record WalkInRequest(String name, String category, String country, String organization, String phone, String email,
                     List<String> days) {
}
