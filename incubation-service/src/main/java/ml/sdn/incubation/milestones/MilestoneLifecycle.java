package ml.sdn.incubation.milestones;

import ml.sdn.incubation.milestones.Milestone.MilestoneStatus;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who may move a milestone, from which states, to which state. The incubatee starts it
 * (TODO → IN_PROGRESS) and submits it (from TODO, IN_PROGRESS or SENT_BACK → SUBMITTED); their coach (or
 * an organizer) validates it (SUBMITTED → VALIDATED) or sends it back (SUBMITTED → SENT_BACK). VALIDATED
 * is final. No Spring here: the service loads, asks, and writes conditionally on the state it read.
 */
public final class MilestoneLifecycle {

    private MilestoneLifecycle() {
    }

    /** Who is acting: the incubatee, or the side that judges (their coach or an organizer). */
    public enum Actor { INCUBATEE, COACH }

    public enum Step {
        START(Actor.INCUBATEE, MilestoneStatus.IN_PROGRESS, EnumSet.of(MilestoneStatus.TODO)),
        SUBMIT(Actor.INCUBATEE, MilestoneStatus.SUBMITTED,
                EnumSet.of(MilestoneStatus.TODO, MilestoneStatus.IN_PROGRESS, MilestoneStatus.SENT_BACK)),
        VALIDATE(Actor.COACH, MilestoneStatus.VALIDATED, EnumSet.of(MilestoneStatus.SUBMITTED)),
        SEND_BACK(Actor.COACH, MilestoneStatus.SENT_BACK, EnumSet.of(MilestoneStatus.SUBMITTED));

        private final Actor actor;
        private final MilestoneStatus to;
        private final Set<MilestoneStatus> from;

        Step(Actor actor, MilestoneStatus to, Set<MilestoneStatus> from) {
            this.actor = actor;
            this.to = to;
            this.from = from;
        }

        public Actor actor() {
            return actor;
        }

        public MilestoneStatus to() {
            return to;
        }

        /** The states this step starts from, in the lifecycle's order. */
        public List<MilestoneStatus> from() {
            return Arrays.stream(MilestoneStatus.values()).filter(from::contains).toList();
        }
    }

    /**
     * The state after {@code step}.
     *
     * @throws NotTheirs when {@code actor} may not take this step at all (whatever the state)
     * @throws WrongState when the step does not start from {@code current}
     */
    public static MilestoneStatus next(MilestoneStatus current, Step step, Actor actor) {
        if (step.actor != actor) {
            throw new NotTheirs(step, actor);
        }
        if (!step.from.contains(current)) {
            throw new WrongState(current, step);
        }
        return step.to;
    }

    /** The steps {@code actor} may take now, in the lifecycle's order (what a screen offers). */
    public static List<Step> open(MilestoneStatus current, Actor actor) {
        return Arrays.stream(Step.values()).filter(step -> step.actor == actor && step.from.contains(current)).toList();
    }

    /** The step belongs to the other side (an incubatee validating, a coach submitting). */
    public static final class NotTheirs extends RuntimeException {

        private final Step step;

        NotTheirs(Step step, Actor actor) {
            super(actor + " may not " + step);
            this.step = step;
        }

        public Step step() {
            return step;
        }
    }

    /** The milestone is not in a state the step starts from. */
    public static final class WrongState extends RuntimeException {

        private final MilestoneStatus current;
        private final Step step;

        WrongState(MilestoneStatus current, Step step) {
            super(step + " is not possible from " + current);
            this.current = current;
            this.step = step;
        }

        public MilestoneStatus current() {
            return current;
        }

        public Step step() {
            return step;
        }
    }
}
