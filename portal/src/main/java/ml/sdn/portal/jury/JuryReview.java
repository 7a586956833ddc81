package ml.sdn.portal.jury;

import ml.sdn.portal.home.PublicEdition.Text;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A juror's own review as competition-service's {@code GET /reviews/mine} gives it: the category's
 * criteria and scale, the juror's scores (none before they score), whether scoring is open and until when,
 * and the application as jurors read it (no names under blind review).
 */
public record JuryReview(String reviewId, String round, String status, String editionId, String categoryId,
                         Text categoryName, List<Criterion> criteria, Scale scale, Map<String, Score> scores, Double total,
                         Instant assignedAt, Instant submittedAt, boolean scoringOpen, Instant scoringEndsAt,
                         Application application, Instant scoresRevealedAt) {

    static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");

    public record Criterion(String code, Text label, int weight) {
    }

    public record Scale(int min, int max, double step) {
    }

    public record Score(double score, String comment) {
    }

    /** The application as a juror reads it; names, organisation and country only when the review is not blind. */
    public record Application(String id, String categoryId, String title, String summary, String problem, String solution,
                              String targetUsers, String stage, String challenge, int teamSize, List<String> teamRoles,
                              String pitchDeckUrl, boolean hasAttachment, boolean blind, String applicantName,
                              String organizationName, String country) {
    }

    public boolean scored() {
        return "SUBMITTED".equals(status);
    }

    /** The juror may still change their scores: scoring is open and they have not seen the others' scores. */
    public boolean canScore() {
        return scoringOpen && scoresRevealedAt == null;
    }

    /** When scoring closes, as people in Bamako read it; null when no end is set. */
    public LocalDateTime scoringEnds() {
        return scoringEndsAt == null ? null : LocalDateTime.ofInstant(scoringEndsAt, BAMAKO);
    }

    public LocalDateTime submitted() {
        return submittedAt == null ? null : LocalDateTime.ofInstant(submittedAt, BAMAKO);
    }
}
