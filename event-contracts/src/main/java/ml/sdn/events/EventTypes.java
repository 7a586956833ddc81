package ml.sdn.events;

import ml.sdn.events.competition.ApplicationNotPreselected;
import ml.sdn.events.competition.ApplicationPreselected;
import ml.sdn.events.competition.ApplicationSubmitted;
import ml.sdn.events.competition.ApplicationWithdrawn;
import ml.sdn.events.competition.AwardGranted;
import ml.sdn.events.competition.DeadlineExtended;
import ml.sdn.events.competition.DraftReleased;
import ml.sdn.events.competition.EditionCreated;
import ml.sdn.events.competition.FinalistRanked;
import ml.sdn.events.competition.JurorAssigned;
import ml.sdn.events.competition.JurorUnassigned;
import ml.sdn.events.competition.PhaseChanged;
import ml.sdn.events.competition.ResultsPublished;
import ml.sdn.events.competition.ReviewReminder;
import ml.sdn.events.competition.ReviewSubmitted;
import ml.sdn.events.incubation.CoachAssigned;
import ml.sdn.events.incubation.IncubateeAtRisk;
import ml.sdn.events.incubation.IncubateeDropped;
import ml.sdn.events.incubation.IncubateeEnrolled;
import ml.sdn.events.incubation.IncubateeGraduated;
import ml.sdn.events.incubation.MilestoneOverdue;
import ml.sdn.events.incubation.MilestoneSentBack;
import ml.sdn.events.incubation.MilestoneSubmitted;
import ml.sdn.events.incubation.MilestoneValidated;
import ml.sdn.events.incubation.SessionLogged;
import ml.sdn.events.notification.BroadcastRequested;
import ml.sdn.events.registration.AttendanceCancelled;
import ml.sdn.events.registration.AttendanceConfirmed;
import ml.sdn.events.registration.AttendancePromoted;
import ml.sdn.events.registration.AttendanceWaitListed;
import ml.sdn.events.registration.CheckedIn;
import ml.sdn.events.registration.MemberInvited;
import ml.sdn.events.registration.MemberJoined;
import ml.sdn.events.registration.OrganizationRegistered;
import ml.sdn.events.registration.OrganizationUpdated;
import ml.sdn.events.registration.ParticipantDelegationChanged;
import ml.sdn.events.registration.ParticipantErased;
import ml.sdn.events.registration.ParticipantProfileUpdated;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.events.registration.SessionMoved;
import ml.sdn.events.registration.SessionPlaceGiven;
import ml.sdn.events.registration.SessionReminderDue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type the platform knows, looked up by its {@code ce_type}. Add new types here. */
public final class EventTypes {

    private static final List<EventType<?>> ALL = List.of(
            ParticipantRegistered.TYPE,
            ParticipantProfileUpdated.TYPE,
            ParticipantErased.TYPE,
            ParticipantDelegationChanged.TYPE,
            OrganizationRegistered.TYPE,
            OrganizationUpdated.TYPE,
            MemberInvited.TYPE,
            MemberJoined.TYPE,
            AttendanceConfirmed.TYPE,
            AttendanceWaitListed.TYPE,
            AttendancePromoted.TYPE,
            AttendanceCancelled.TYPE,
            CheckedIn.TYPE,
            SessionMoved.TYPE,
            SessionPlaceGiven.TYPE,
            SessionReminderDue.TYPE,
            ApplicationSubmitted.TYPE,
            ApplicationWithdrawn.TYPE,
            DraftReleased.TYPE,
            ApplicationPreselected.TYPE,
            ApplicationNotPreselected.TYPE,
            FinalistRanked.TYPE,
            EditionCreated.TYPE,
            DeadlineExtended.TYPE,
            PhaseChanged.TYPE,
            JurorAssigned.TYPE,
            JurorUnassigned.TYPE,
            ReviewSubmitted.TYPE,
            ReviewReminder.TYPE,
            AwardGranted.TYPE,
            ResultsPublished.TYPE,
            IncubateeEnrolled.TYPE,
            CoachAssigned.TYPE,
            IncubateeAtRisk.TYPE,
            IncubateeGraduated.TYPE,
            IncubateeDropped.TYPE,
            SessionLogged.TYPE,
            MilestoneSubmitted.TYPE,
            MilestoneValidated.TYPE,
            MilestoneSentBack.TYPE,
            MilestoneOverdue.TYPE,
            BroadcastRequested.TYPE);

    private static final Map<String, EventType<?>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private EventTypes() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byType(String type) {
        return type == null ? Optional.empty() : Optional.ofNullable(BY_TYPE.get(type));
    }
}
