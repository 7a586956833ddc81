package ml.sdn.incubation.incubatees;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** What the incubatee endpoints answer. */
public final class IncubateeViews {

    private IncubateeViews() {
    }

    /** Validated milestones out of all ({@code percent} rounded down), and how many are overdue today in Bamako. */
    public record ProgressView(int percent, int validated, int total, int overdue) {

        static ProgressView of(IncubateeProgress.Progress progress) {
            return new ProgressView(progress.percent(), progress.validated(), progress.milestones(), progress.overdue());
        }
    }

    /** What the scheduled check last found; {@code atRisk} false and no reasons before its first run. */
    public record RiskView(boolean atRisk, List<String> reasons, int overdueMilestones, Instant since, Instant checkedAt) {

        static RiskView of(Incubatee.Risk risk) {
            return risk == null ? new RiskView(false, List.of(), 0, null, null)
                    : new RiskView(risk.atRisk(), risk.reasons() == null ? List.of() : risk.reasons(),
                    risk.overdueMilestones(), risk.since(), risk.checkedAt());
        }
    }

    /** The current coach. */
    public record CoachRef(String id, String name) {
    }

    /** One assignment in the coach history (organizers only). */
    public record CoachAssignmentView(String coachId, String coachName, String assignedBy, Instant assignedAt,
                                      Instant unassignedAt) {
    }

    /**
     * One incubatee. {@code lastContactAt}: the latest coaching session (null before the first).
     * {@code participantId} and {@code coachHistory} are for organizers only (absent for others).
     */
    public record IncubateeView(String id, String cohortId, String editionId, String applicationId, String categoryId,
                                String categoryCode, String title, String organizationId, String organizationName,
                                String country, boolean womenLed, String status, String statusReason, CoachRef coach,
                                ProgressView progress, int sessions, Instant lastContactAt, RiskView risk,
                                Instant enrolledAt, Instant updatedAt,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String participantId,
                                @JsonInclude(JsonInclude.Include.NON_NULL) List<CoachAssignmentView> coachHistory) {

        static IncubateeView of(Incubatee incubatee, IncubateeProgress.Progress progress, IncubateeSessions.Summary sessions,
                                boolean organizer) {
            CoachRef coach = incubatee.coachId() == null ? null : new CoachRef(incubatee.coachId(),
                    CoachHistory.current(incubatee.coachHistory()).filter(a -> a.coachId().equals(incubatee.coachId()))
                            .map(Incubatee.CoachAssignment::coachName).orElse(null));
            List<CoachAssignmentView> history = organizer ? incubatee.coachHistory().stream()
                    .map(a -> new CoachAssignmentView(a.coachId(), a.coachName(), a.assignedBy(), a.assignedAt(),
                            a.unassignedAt())).toList() : null;
            return new IncubateeView(incubatee.id(), incubatee.cohortId(), incubatee.editionId(), incubatee.applicationId(),
                    incubatee.categoryId(), incubatee.categoryCode(), incubatee.title(), incubatee.organizationId(),
                    incubatee.organizationName(), incubatee.country(), incubatee.womenLed(), incubatee.status().name(),
                    incubatee.statusReason(), coach, ProgressView.of(progress), sessions.sessions(),
                    lastContact(incubatee, sessions), RiskView.of(incubatee.risk()), incubatee.enrolledAt(),
                    incubatee.updatedAt(), organizer ? incubatee.participantId() : null, history);
        }
    }

    /** The latest session, as the sessions say or as the incubatee's document last recorded it, whichever is later. */
    static Instant lastContact(Incubatee incubatee, IncubateeSessions.Summary sessions) {
        Instant fromSessions = sessions == null ? null : sessions.lastHeldAt();
        Instant recorded = incubatee.lastSessionAt();
        if (fromSessions == null) {
            return recorded;
        }
        return recorded == null || fromSessions.isAfter(recorded) ? fromSessions : recorded;
    }

    /** A page of incubatees, by title. */
    public record IncubateePage(List<IncubateeView> content, int page, int size, long totalElements, int totalPages) {

        static IncubateePage of(List<IncubateeView> content, int page, int size, long total) {
            return new IncubateePage(content, page, size, total, (int) ((total + size - 1) / size));
        }
    }

    /** One line of a coach's dashboard. */
    public record DashboardEntry(String id, String cohortId, String title, String organizationName, String country,
                                 String categoryCode, boolean womenLed, ProgressView progress, int sessions,
                                 Instant lastContactAt, RiskView risk, Instant enrolledAt) {
    }

    /** A coach's active incubatees, most in need of attention first (see {@link DashboardOrder}). */
    public record Dashboard(int total, int atRisk, List<DashboardEntry> incubatees) {
    }
}
