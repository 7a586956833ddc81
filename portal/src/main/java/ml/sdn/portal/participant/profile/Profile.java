package ml.sdn.portal.participant.profile;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The participant profile as registration-service gives it to its owner. */
record Profile(String id, String username, String displayName, String email, String country, String phone, String city,
               String region, String gender, String preferredLanguage, Consent consent, Instant registeredAt,
               Instant updatedAt) {

    record Consent(boolean accepted, String version, Instant acceptedAt) {
    }

    /** The form's fields, filled from the profile. */
    Map<String, String> form() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("phone", phone);
        form.put("city", city);
        form.put("region", region);
        form.put("gender", gender);
        form.put("preferredLanguage", preferredLanguage);
        form.put("consent", consent != null && consent.accepted() ? "true" : null);
        return form;
    }
}
