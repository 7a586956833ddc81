package ml.sdn.incubation.incubatees;

import ml.sdn.events.competition.ApplicationPreselected;

import java.time.Instant;

/** A preselected application as enrolment needs it (what ApplicationPreselected carries about it). */
record Candidate(String applicationId, String editionId, String categoryId, String categoryCode, String applicantId,
                 String organizationId, String organizationName, String country, String title, boolean womenLed,
                 Instant preselectedAt) {

    static Candidate of(ApplicationPreselected event) {
        return new Candidate(event.applicationId(), event.editionId(), event.categoryId(), event.categoryCode(),
                event.applicantId(), event.organizationId(), event.organizationName(), event.country(), event.title(),
                event.womenLed(), event.preselectedAt());
    }

    /** What an event must carry for an incubatee to be made of it; anything else is a bad record (dead letter). */
    void requireComplete() {
        if (blank(applicationId) || blank(editionId) || blank(applicantId)) {
            throw new IllegalArgumentException("Preselection without applicationId, editionId or applicantId: " + applicationId);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
