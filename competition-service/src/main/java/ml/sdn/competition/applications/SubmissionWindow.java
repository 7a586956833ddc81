package ml.sdn.competition.applications;

import ml.sdn.competition.editions.Action;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.editions.Timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When an applicant may draft, edit, submit or withdraw: while the category's timeline allows the
 * action, or, once the submission deadline (the start of EVALUATION) has passed, until the latest
 * extension an organizer granted to the whole category or to this applicant. An extension never opens
 * the call early, never lends one applicant's extra time to another, never reaches into PRESELECTION
 * (even when PRESELECTION was moved earlier after it was granted), and never reopens an application
 * that was already submitted when the category's deadline passed: extensions are for those who had not
 * made it, not a second chance to edit or withdraw what jurors are already reading.
 */
public final class SubmissionWindow {

    /** The furthest an organizer may push a deadline; and never into PRESELECTION, when the jury has finished. */
    public static final Duration MAX_EXTENSION = Duration.ofDays(30);

    /** An extension until {@code until} (excluded), for one applicant or, {@code applicantId} null, for everyone. */
    public record Extension(String applicantId, Instant until) {

        public Extension {
            Objects.requireNonNull(until, "until");
        }

        boolean covers(String applicant) {
            return applicantId == null || applicantId.equals(applicant);
        }
    }

    /** Why an extension cannot be granted. */
    public enum ExtensionProblem {
        /** Not after the category's submission deadline: nothing to extend. */
        NOT_AFTER_DEADLINE,
        /** Already over when granted. */
        IN_THE_PAST,
        /** More than {@link #MAX_EXTENSION} after the deadline, or not before PRESELECTION starts. */
        TOO_LATE
    }

    private final Timeline timeline;
    private final List<Extension> extensions;

    private SubmissionWindow(Timeline timeline, List<Extension> extensions) {
        this.timeline = timeline;
        this.extensions = List.copyOf(extensions);
    }

    public static SubmissionWindow of(Timeline timeline, List<Extension> extensions) {
        return new SubmissionWindow(Objects.requireNonNull(timeline, "timeline"), extensions == null ? List.of() : extensions);
    }

    /** The end of the SUBMISSION phase, as the category's timeline says (extensions aside). */
    public Instant deadline() {
        return timeline.end(Phase.SUBMISSION).orElseThrow();
    }

    /** The deadline of an application of {@code applicantId} that is not submitted (a new draft). */
    public Instant deadlineFor(String applicantId) {
        return deadlineFor(applicantId, null);
    }

    /**
     * The deadline of an application of {@code applicantId} submitted at {@code submittedAt} (null when it
     * is not submitted: a draft, or withdrawn). Submitted before the category's deadline: that deadline,
     * whatever the extensions. Otherwise the latest extension covering the applicant if later than the
     * category's deadline, but never past the start of PRESELECTION.
     */
    public Instant deadlineFor(String applicantId, Instant submittedAt) {
        Instant deadline = deadline();
        if (submittedAt != null && submittedAt.isBefore(deadline)) {
            return deadline;
        }
        for (Extension extension : extensions) {
            if (extension.covers(applicantId) && extension.until().isAfter(deadline)) {
                deadline = extension.until();
            }
        }
        Instant preselection = timeline.start(Phase.PRESELECTION);
        return deadline.isAfter(preselection) ? preselection : deadline;
    }

    /** The deadline of this application, as {@link #deadlineFor(String, Instant)} says. */
    Instant deadlineFor(Application application) {
        return deadlineFor(application.applicantId(), submittedAt(application));
    }

    /** Whether {@code applicantId} may do {@code action} at {@code now} on an application that is not submitted. */
    public boolean allows(Action action, String applicantId, Instant now) {
        return allows(action, applicantId, null, now);
    }

    /**
     * Whether {@code applicantId} may do {@code action} at {@code now} on their application submitted at
     * {@code submittedAt} (null when it is not submitted).
     */
    public boolean allows(Action action, String applicantId, Instant submittedAt, Instant now) {
        if (timeline.allows(action, now)) {
            return true;
        }
        // extensions only stretch the submission phase's own actions, from its start to the application's deadline
        return action.phases().contains(Phase.SUBMISSION)
                && !now.isBefore(timeline.start(Phase.SUBMISSION))
                && now.isBefore(deadlineFor(applicantId, submittedAt));
    }

    /** Whether its applicant may do {@code action} on this application at {@code now}. */
    boolean allows(Action action, Application application, Instant now) {
        return allows(action, application.applicantId(), submittedAt(application), now);
    }

    /** When the application was submitted if it is submitted now; null for a draft or a withdrawn one. */
    static Instant submittedAt(Application application) {
        return application.status() == ApplicationStatus.SUBMITTED ? application.submittedAt() : null;
    }

    /** Whether the call has not opened yet at {@code now} (else, when not allowed, it is over). */
    public boolean notYetOpen(Instant now) {
        return now.isBefore(timeline.start(Phase.SUBMISSION));
    }

    /** The phase open at {@code now}; empty before the call opens. */
    public Optional<Phase> phaseAt(Instant now) {
        return timeline.phaseAt(now);
    }

    public Instant opensAt() {
        return timeline.start(Phase.SUBMISSION);
    }

    /**
     * Whether an extension until {@code until}, granted at {@code now}, makes sense: after the deadline,
     * still ahead, at most {@link #MAX_EXTENSION} after the deadline and before PRESELECTION starts.
     */
    public static Optional<ExtensionProblem> checkExtension(Timeline timeline, Instant until, Instant now) {
        Instant deadline = timeline.end(Phase.SUBMISSION).orElseThrow();
        if (!until.isAfter(deadline)) {
            return Optional.of(ExtensionProblem.NOT_AFTER_DEADLINE);
        }
        if (!until.isAfter(now)) {
            return Optional.of(ExtensionProblem.IN_THE_PAST);
        }
        if (until.isAfter(deadline.plus(MAX_EXTENSION)) || !until.isBefore(timeline.start(Phase.PRESELECTION))) {
            return Optional.of(ExtensionProblem.TOO_LATE);
        }
        return Optional.empty();
    }
}
