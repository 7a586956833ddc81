package ml.sdn.events.competition;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** A juror was given an application to review in a round (PRESELECTION or FINAL); carries no applicant identity (blind review). Keyed by {@code applicationId}. */
public record JurorAssigned(String applicationId, String editionId, String categoryId, String categoryCode, String jurorId, String round, boolean manual, Instant assignedAt) {

    public static final EventType<JurorAssigned> TYPE = EventType.of(
            "sdn.competition.juror-assigned.v1", Topics.COMPETITION_JURY, JurorAssigned.class);
}
