package ml.sdn.registration.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A session as an organizer writes it. {@code startsAt} and {@code endsAt} are Bamako times without a zone
 * ({@code 2026-01-29T10:00}); {@code kind} one of opening, panel, pitch, workshop, award ceremony (checked by
 * {@link SessionRules} with the rest, so that every fault is named at once); no {@code capacity}: open to all,
 * nothing to add to an agenda.
 */
record SessionRequest(
        @NotBlank(message = "{programme.titleFr.required}") @Size(max = 160, message = "{programme.title.size}") String titleFr,
        @NotBlank(message = "{programme.titleEn.required}") @Size(max = 160, message = "{programme.title.size}") String titleEn,
        @NotBlank(message = "{programme.kind.required}") @Size(max = 40, message = "{programme.kind.unknown}") String kind,
        @NotBlank(message = "{programme.room.required}") @Size(max = 60, message = "{programme.room.size}") String room,
        @NotNull(message = "{programme.startsAt.required}") LocalDateTime startsAt,
        @NotNull(message = "{programme.endsAt.required}") LocalDateTime endsAt,
        @Size(max = 12, message = "{programme.speakers.size}") List<@Valid @NotNull(message = "{programme.speaker.name.required}") SpeakerRequest> speakers,
        @Min(value = 1, message = "{programme.capacity.range}") @Max(value = 100_000, message = "{programme.capacity.range}") Integer capacity) {

    record SpeakerRequest(
            @NotBlank(message = "{programme.speaker.name.required}") @Size(max = 120, message = "{programme.speaker.name.size}") String name,
            @Size(max = 160, message = "{programme.speaker.organization.size}") String organization) {
    }

    List<Speaker> speakerList() {
        return speakers == null ? List.of() : speakers.stream()
                .map(s -> new Speaker(s.name().strip(), s.organization() == null || s.organization().isBlank() ? null
                        : s.organization().strip()))
                .toList();
    }
}
