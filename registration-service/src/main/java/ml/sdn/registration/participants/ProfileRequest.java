package ml.sdn.registration.participants;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a participant may set themselves; who they are (name, e-mail, country) comes from the token.
 * PUT semantics: a field left out is cleared (or back to its default). Fields the API does not know are
 * ignored, like everywhere on the platform; {@code country} is known: equal to the token's it is
 * ignored, different it is refused.
 */
public record ProfileRequest(
        @Schema(description = "fr (default) or en")
        @Pattern(regexp = "fr|en", message = "{participant.preferredLanguage.invalid}") String preferredLanguage,
        @NotNull(message = "{participant.consent.required}") @Valid ConsentRequest consent,
        @Schema(description = "Optional. A number of the caller's own country's plan (ML +223, BF +226, NE +227), "
                + "national or international format; stored and returned in E.164. Another country's number is refused.",
                example = "65 01 23 45")
        @Size(max = 32) @Pattern(regexp = PHONE_CHARACTERS, message = "{participant.phone.characters}") String phone,
        @Size(max = 80) String city,
        @Size(max = 80) String region,
        @Schema(description = "FEMALE, MALE or NOT_STATED (shown when left out). Shown only to the person and to organizers.")
        @Pattern(regexp = "FEMALE|MALE|NOT_STATED", message = "{participant.gender.invalid}") String gender,
        @Schema(description = "Optional, comes from the token: equal to the token's it is ignored, different it is refused (400).")
        @Size(max = 8) String country) {

    public static final String DEFAULT_LANGUAGE = "fr";
    /** Digits and the separators people type in phone numbers (spaces, including non-breaking ones). */
    static final String PHONE_CHARACTERS = "[0-9+()./\\s\\u00A0\\u202F-]*";

    public record ConsentRequest(
            @NotNull(message = "{participant.consent.required}")
            @AssertTrue(message = "{participant.consent.must-accept}") Boolean accepted,
            @NotBlank(message = "{participant.consent.version.required}") @Size(max = 32) String version) {
    }

    String languageOrDefault() {
        return preferredLanguage == null ? DEFAULT_LANGUAGE : preferredLanguage;
    }

    /** The gender the person gave, NOT_STATED included; null if they gave none (shown as NOT_STATED). */
    Gender statedGender() {
        return gender == null ? null : Gender.valueOf(gender);
    }

    boolean hasPhone() {
        return phone != null && !phone.isBlank();
    }

    /** The settings for a caller of {@code country}, the phone in E.164; the request must have passed validation. */
    ProfileSettings settingsFor(String country) {
        String e164 = hasPhone()
                ? PhoneNumbers.toE164(phone, country).orElseThrow(() -> new IllegalArgumentException("phone not of " + country))
                : null;
        return new ProfileSettings(e164, trimmed(city), trimmed(region), statedGender(), languageOrDefault(),
                consent.version().trim());
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
