package ml.sdn.registration.participants;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a participant may set themselves; who they are comes from the token. */
public record ProfileRequest(
        @Pattern(regexp = "fr|en", message = "{participant.preferredLanguage.invalid}") String preferredLanguage,
        @NotNull(message = "{participant.consent.required}") @Valid ConsentRequest consent) {

    public static final String DEFAULT_LANGUAGE = "fr";

    public record ConsentRequest(
            @NotNull(message = "{participant.consent.required}")
            @AssertTrue(message = "{participant.consent.must-accept}") Boolean accepted,
            @NotBlank(message = "{participant.consent.version.required}") @Size(max = 32) String version) {
    }

    String languageOrDefault() {
        return preferredLanguage == null ? DEFAULT_LANGUAGE : preferredLanguage;
    }
}
