package ml.sdn.registration.participants;

import java.util.List;

/** One page of participants, shaped like Spring Data's page: {@code page} counts from 0. */
public record ParticipantPage(List<ParticipantSummary> content, int page, int size, long totalElements, int totalPages) {

    static ParticipantPage of(List<ParticipantSummary> content, int page, int size, long totalElements) {
        return new ParticipantPage(content, page, size, totalElements, (int) ((totalElements + size - 1) / size));
    }
}
