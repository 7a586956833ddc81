package ml.sdn.registration.attendance;

import ml.sdn.events.registration.AttendanceCancelled;
import ml.sdn.events.registration.AttendanceWaitListed;
import ml.sdn.events.registration.CheckedIn;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.NotFoundException;
import ml.sdn.registration.participants.Participant;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Days, registrations, cancellations, badges and check-ins. Every rule that must hold with several
 * instances is one conditional update of one document (see {@link DayLedger} and {@link Promotions});
 * a person only ever reaches their own attendances, found by the token's subject.
 */
@Service
public class Attendances {

    private static final Logger log = LoggerFactory.getLogger(Attendances.class);

    private static final List<AttendanceStatus> ACTIVE = List.of(AttendanceStatus.CONFIRMED, AttendanceStatus.WAITING);
    private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);
    /** Tries when the attendance changes under us (promoted while being cancelled…); each try is cheap. */
    private static final int ATTEMPTS = 10;
    private static final Duration IN_FLIGHT_PAUSE = Duration.ofMillis(10);

    private final MongoTemplate mongo;
    private final DayLedger ledger;
    private final Promotions promotions;
    private final Badges badges;
    private final AttendanceClock clock;
    private final DayAttendees dayAttendees;
    private final Duration inFlightPatience;

    Attendances(MongoTemplate mongo, DayLedger ledger, Promotions promotions, Badges badges, AttendanceClock clock,
                DayAttendees dayAttendees,
                @Value("${sdn.attendance.in-flight-patience:3s}") Duration inFlightPatience) {
        this.mongo = mongo;
        this.inFlightPatience = inFlightPatience;
        this.dayAttendees = dayAttendees;
        this.ledger = ledger;
        this.promotions = promotions;
        this.badges = badges;
        this.clock = clock;
    }

    // ---- days ----

    record OpenedDay(DayView day, boolean created) {
    }

    /** Opens a day or changes its capacity; a raised capacity promotes waiting people at once. */
    OpenedDay openDay(LocalDate day, int capacity) {
        requireNotPast(day);
        DayLedger.Opened opened = ledger.open(day, capacity, clock.now());
        promotions.promote(day);
        return new OpenedDay(dayView(ledger.find(day).orElse(opened.day())), opened.created());
    }

    List<DayView> days() {
        Map<String, Long> waiting = waitingByDay();
        return ledger.all().stream().map(d -> DayView.of(d, waiting.getOrDefault(d.id(), 0L))).toList();
    }

    private DayView dayView(AttendanceDay day) {
        return DayView.of(day, mongo.count(query(where("day").is(day.id()).and("status").is(AttendanceStatus.WAITING)),
                Attendance.class));
    }

    private Map<String, Long> waitingByDay() {
        Map<String, Long> counts = new HashMap<>();
        mongo.aggregate(Aggregation.newAggregation(
                        Aggregation.match(where("status").is(AttendanceStatus.WAITING.name())),
                        Aggregation.group("day").count().as("waiting")),
                Attendance.COLLECTION, Document.class)
                .forEach(row -> counts.put(row.getString("_id"), ((Number) row.get("waiting")).longValue()));
        return counts;
    }

    // ---- registration ----

    record Registered(AttendanceView attendance, boolean created) {
    }

    /**
     * Registers the caller for the day. Everybody joins the waiting list first (taking the day's next
     * sequence number) and then asks for promotions: with a free place and nobody ahead, that is an
     * immediate confirmation; otherwise the caller waits their turn. Registering again for a day one
     * is already registered for answers the existing registration (a retried request is harmless).
     */
    Registered register(Caller caller, LocalDate day) {
        Document profile = profileOf(caller.id()).orElseThrow(() -> new ConflictException("attendance.profile-required"));
        ledger.find(day).orElseThrow(() -> new NotFoundException("attendance.day.not-found", day.toString()));
        requireNotPast(day);
        Optional<Attendance> existing = find(caller.id(), day);
        if (existing.isPresent() && existing.get().active()) {
            return new Registered(view(existing.get()), false);
        }
        String joining = UUID.randomUUID().toString();
        long sequence = ledger.join(day, joining, clock.now())
                .orElseThrow(() -> new NotFoundException("attendance.day.not-found", day.toString()));
        Attendance joined;
        try {
            // the delegation is the profile's (fixed at registration, moved by organizers only), never the token's:
            // a token's country is an account attribute the person can edit
            String country = profile.getString("country");
            Instant now = clock.now();
            joined = existing.isEmpty() ? insertWaiting(caller.id(), country, day, sequence, now) : null;
            if (joined == null) {
                joined = rejoin(caller.id(), country, day, sequence, now);
            }
        } finally {
            // written or given up: either way nobody behind this number waits for it any more,
            // and the promotions below serve whoever it held back
            ledger.joined(day, joining);
        }
        if (joined == null) {
            // the same person registered at the same moment from another request: that one stands
            promotions.promote(day);
            return new Registered(view(find(caller.id(), day).orElseThrow()), false);
        }
        promotions.promote(day);
        awaitPlacesInFlight(joined.id(), day);
        announceIfStillWaiting(joined.id());
        return new Registered(view(mongo.findById(joined.id(), Attendance.class)), true);
    }

    /**
     * When the caller could get a place that is only being handed over at this instant (other
     * registrations took places and are binding them to the first people in line, or someone ahead in
     * line is still being written and will ask for promotions once written), waits for that work to end:
     * the answer then says CONFIRMED, instead of WAITING followed by a promotion a moment later. When a
     * place is free and everyone ahead is written, it runs a promotion round itself rather than wait for
     * the registration ahead to run its own.
     * <p>
     * The wait ends with the work it waits for, however slow the machine is (a fixed 200 ms here once
     * answered WAITING to someone promoted a moment later, in CI on a loaded machine). It gives up only
     * after {@code sdn.attendance.in-flight-patience}: then the request it waits for has stopped (its
     * instance died), the reconciler finishes its work, and the person is told WAITING, then promoted.
     * Measured on the request's own monotonic time, not the clock: tests may fix the clock.
     */
    private void awaitPlacesInFlight(String attendanceId, LocalDate day) {
        long giveUpAt = System.nanoTime() + inFlightPatience.toNanos();
        while (true) {
            Attendance attendance = mongo.findById(attendanceId, Attendance.class);
            if (attendance == null || attendance.status() != AttendanceStatus.WAITING) {
                return;
            }
            AttendanceDay ledgerDay = ledger.find(day).orElse(null);
            if (ledgerDay == null) {
                return;
            }
            boolean placeFree = ledgerDay.places().left() > 0;
            boolean promoteNow = placeFree && !ledgerDay.joiningAhead(attendance.sequence());
            if (!placeFree && (ledgerDay.holdsOrEmpty().isEmpty() || positionOf(attendance) > ledgerDay.holdsOrEmpty().size())) {
                return; // nothing being handed over can reach the caller: their answer is WAITING
            }
            if (System.nanoTime() - giveUpAt > 0) {
                log.warn("Registration {} answered WAITING while places of {} were still being handed over after {}",
                        attendanceId, day, inFlightPatience);
                return;
            }
            if (promoteNow) {
                // a place is free and everyone ahead is written: the registration ahead may be between being
                // written and its own promotion round; a round from here serves the line in the same order,
                // and is harmless if that one runs too
                promotions.promote(day);
                continue;
            }
            try {
                Thread.sleep(IN_FLIGHT_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Attendance insertWaiting(String participantId, String country, LocalDate day, long sequence, Instant now) {
        try {
            return mongo.insert(Attendance.waiting(UUID.randomUUID().toString(), participantId, country, day.toString(),
                    sequence, now));
        } catch (DuplicateKeyException alreadyThere) {
            return null;
        }
    }

    /** A cancelled registration becomes a new one (same document, so the same attendance id). */
    private Attendance rejoin(String participantId, String country, LocalDate day, long sequence, Instant now) {
        return mongo.findAndModify(
                query(where("participantId").is(participantId).and("day").is(day.toString())
                        .and("status").is(AttendanceStatus.CANCELLED)),
                new Update().set("status", AttendanceStatus.WAITING).set("sequence", sequence).set("announced", false)
                        .set("country", country).set("registeredAt", now)
                        .unset("cancelledAt").unset("confirmedAt").unset("badgeCode")
                        .unset("checkedInAt").unset("checkedInBy").unset("checkedInDoor").unset("checkInId"),
                RETURN_NEW, Attendance.class);
    }

    /** The registration did not get a place: tell the person (once) where they stand. */
    void announceIfStillWaiting(String attendanceId) {
        Attendance attendance = mongo.findById(attendanceId, Attendance.class);
        if (attendance == null || attendance.status() != AttendanceStatus.WAITING || attendance.announced()) {
            return;
        }
        LocalDate day = LocalDate.parse(attendance.day());
        PendingEvent event = PendingEvent.of(AttendanceWaitListed.TYPE, attendance.id(), new AttendanceWaitListed(
                attendance.id(), attendance.participantId(), attendance.country(), day, positionOf(attendance),
                clock.now()));
        mongo.updateFirst(query(where("_id").is(attendanceId).and("status").is(AttendanceStatus.WAITING)
                        .and("announced").is(false)),
                new Update().set("announced", true).push("outbox", event), Attendance.class);
    }

    // ---- cancellation ----

    /** The caller gives up their place (freeing it for the first waiting person) or leaves the waiting list. */
    void cancel(Caller caller, LocalDate day) {
        requireNotPast(day);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Attendance attendance = find(caller.id(), day).filter(Attendance::active)
                    .orElseThrow(() -> new NotFoundException("attendance.not-registered", day.toString()));
            if (attendance.checkedInAt() != null) {
                throw new ConflictException("attendance.already-checked-in", day.toString());
            }
            if (cancel(attendance)) {
                return;
            }
        }
        throw new ConflictException("sdn.problem.conflict");
    }

    /**
     * Cancels this version of the attendance; false if it changed meanwhile (promoted, checked in…).
     * A confirmed place is first recorded as a hold on the day, then the attendance is cancelled, then
     * the held place is handed to the first waiting person: the place stays counted throughout, so no
     * newcomer can take it ahead of those waiting, and a crash at any point leaves the hold for the
     * reconciler to finish.
     */
    boolean cancel(Attendance attendance) {
        LocalDate day = LocalDate.parse(attendance.day());
        Instant now = clock.now();
        PendingEvent event = PendingEvent.of(AttendanceCancelled.TYPE, attendance.id(), new AttendanceCancelled(
                attendance.id(), attendance.participantId(), attendance.country(), day, now));
        // placeRef stays: it tells the reconciler that this place was bound (see AttendanceReconciler)
        Update cancelled = new Update().set("status", AttendanceStatus.CANCELLED).set("cancelledAt", now)
                .unset("badgeCode").push("outbox", event);
        if (attendance.status() == AttendanceStatus.WAITING) {
            return mongo.updateFirst(query(where("_id").is(attendance.id()).and("status").is(AttendanceStatus.WAITING)
                    .and("sequence").is(attendance.sequence())), cancelled, Attendance.class).getModifiedCount() == 1;
        }
        if (attendance.placeRef() != null) {
            // the promotion that bound this place may have died before forgetting its hold
            ledger.settle(day, attendance.placeRef());
        }
        String hold = ledger.holdForRelease(day, attendance.placeRef(), now);
        boolean done = mongo.updateFirst(query(where("_id").is(attendance.id()).and("status").is(AttendanceStatus.CONFIRMED)
                        .and("placeRef").is(attendance.placeRef()).and("checkedInAt").is(null)),
                cancelled, Attendance.class).getModifiedCount() == 1;
        if (!done) {
            ledger.settle(day, hold); // nothing was given up: drop the hold, the place stays the attendee's
            return false;
        }
        promotions.handOver(day, hold);
        return true;
    }

    // ---- my attendances and badge ----

    List<AttendanceView> mine(Caller caller) {
        return mongo.find(query(where("participantId").is(caller.id()).and("status").in(ACTIVE)).with(Sort.by("day")),
                Attendance.class).stream().map(this::view).toList();
    }

    /** The caller's badge as a QR code PNG, only while they hold a place for at least one day. */
    byte[] badgePng(Caller caller, int size) {
        boolean confirmed = mongo.exists(query(where("participantId").is(caller.id())
                .and("status").is(AttendanceStatus.CONFIRMED)), Attendance.class);
        Badge badge = confirmed ? badges.of(caller.id()).orElse(null) : null;
        if (badge == null) {
            throw new NotFoundException("attendance.badge.not-found");
        }
        return BadgeImage.png(badge.code(), size);
    }

    /** Who a printed badge names, who they are at the week, and the days it lets them in (oldest first). */
    record BadgeHolder(String name, String organization, String country, List<LocalDate> days, String code,
                       AttendeeCategory category) {

        BadgeHolder(String name, String organization, String country, List<LocalDate> days, String code) {
            this(name, organization, country, days, code, AttendeeCategory.PARTICIPANT);
        }
    }

    /**
     * The caller's badge as it is printed: name and organisation(s) as the door sees them, the delegation's
     * country, the confirmed days; only while they hold a place for at least one day (the same rule as the PNG).
     */
    BadgeHolder badgeHolder(Caller caller) {
        List<Attendance> confirmed = mongo.find(query(where("participantId").is(caller.id())
                .and("status").is(AttendanceStatus.CONFIRMED)).with(Sort.by("day")), Attendance.class);
        Badge badge = confirmed.isEmpty() ? null : badges.of(caller.id()).orElse(null);
        if (badge == null) {
            throw new NotFoundException("attendance.badge.not-found");
        }
        DayAttendees.Person person = dayAttendees.describe(caller.id());
        String name = person.name() != null ? person.name() : caller.name();
        return new BadgeHolder(name, person.organization(), confirmed.get(0).country(),
                confirmed.stream().map(a -> LocalDate.parse(a.day())).toList(), badge.code(),
                confirmed.get(0).categoryOrParticipant());
    }

    // ---- check-in ----

    /**
     * Checks in the confirmed attendee whose badge this is, for the day, at the door. Counted once: the
     * update is conditioned on {@code checkedInAt} being empty, so the first write wins and keeps its time,
     * door and check-in id; any other scan (here or at another door) answers that first check-in with
     * {@code firstCheckIn} false, except the same check-in sent again (same {@code checkInId}), which is
     * answered as itself. Only the first one publishes CheckedIn. A badge that does not let its bearer in
     * that day is refused ({@link DoorCheckIn.Refused}) and nothing is written.
     */
    CheckInView checkIn(Caller staff, LocalDate day, String typedCode, String door, String checkInId) {
        String code = DoorCheckIn.code(typedCode);
        Optional<Badge> badge = badges.withCode(code);
        Attendance attendance = badge.flatMap(b -> find(b.participantId(), day)).orElse(null);
        DoorCheckIn.admit(badge.isPresent(), attendance == null ? null : attendance.status());
        String id = checkInId != null ? checkInId : UUID.randomUUID().toString();
        String doorName = door.strip();
        Instant now = clock.now();
        PendingEvent event = PendingEvent.of(CheckedIn.TYPE, attendance.id(), new CheckedIn(attendance.id(),
                attendance.participantId(), attendance.country(), day, staff.id(), now, doorName));
        Attendance checkedIn = mongo.findAndModify(query(where("_id").is(attendance.id())
                        .and("status").is(AttendanceStatus.CONFIRMED).and("checkedInAt").is(null)),
                new Update().set("checkedInAt", now).set("checkedInBy", staff.id()).set("checkedInDoor", doorName)
                        .set("checkInId", id).push("outbox", event),
                RETURN_NEW, Attendance.class);
        Attendance current = checkedIn != null ? checkedIn : mongo.findById(attendance.id(), Attendance.class);
        if (current == null || current.status() != AttendanceStatus.CONFIRMED || current.checkedInAt() == null) {
            // cancelled or erased between the read and the write: refused like any cancelled registration
            throw new DoorCheckIn.Refused(DoorCheckIn.Reason.CANCELLED);
        }
        boolean first = checkedIn != null
                || DoorCheckIn.outcomeOfRepeat(current.checkInId(), id) == DoorCheckIn.Outcome.FIRST;
        DayAttendees.Person person = dayAttendees.describe(current.participantId());
        return new CheckInView(current.id(), person.name(), person.organization(), current.country(), day,
                current.checkedInAt(), current.checkedInDoor(), current.checkInId(), first,
                current.categoryOrParticipant().name());
    }

    /** The day's confirmed attendees matching a name, an organisation or phone digits, for the door. */
    List<DoorAttendee> searchDay(LocalDate day, String q) {
        return dayAttendees.search(day, q);
    }

    // ---- personal data ----

    AttendanceExport exportOf(String participantId) {
        List<AttendanceView> all = mongo.find(query(where("participantId").is(participantId)).with(Sort.by("day")),
                Attendance.class).stream().map(this::view).toList();
        Optional<Badge> badge = badges.of(participantId);
        return new AttendanceExport(all, badge.map(Badge::code).orElse(null), badge.map(Badge::issuedAt).orElse(null));
    }

    /**
     * Cancels the person's registrations from today on (their places go to the waiting lists), then
     * cuts every attendance from them (participant id replaced, badge code removed) and deletes their
     * badge. Past attendances stay, anonymous, so the days' counts do not change. Idempotent.
     */
    void erase(String participantId) {
        List<Attendance> upcoming = mongo.find(query(where("participantId").is(participantId).and("status").in(ACTIVE)
                .and("day").gte(clock.today().toString()).and("checkedInAt").is(null)), Attendance.class);
        for (Attendance attendance : upcoming) {
            Attendance current = attendance;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                if (current == null || !current.active() || current.checkedInAt() != null || cancel(current)) {
                    break;
                }
                current = mongo.findById(attendance.id(), Attendance.class); // promoted meanwhile: cancel that
            }
        }
        for (Attendance attendance : mongo.find(query(where("participantId").is(participantId)), Attendance.class)) {
            mongo.updateFirst(query(where("_id").is(attendance.id()).and("participantId").is(participantId)),
                    new Update().set("participantId", "erased:" + attendance.id()).unset("badgeCode"), Attendance.class);
        }
        badges.delete(participantId);
    }

    // ---- shared ----

    private Optional<Attendance> find(String participantId, LocalDate day) {
        return Optional.ofNullable(mongo.findOne(query(where("participantId").is(participantId).and("day").is(day.toString())),
                Attendance.class));
    }

    /** The caller's participant profile, unless it was erased. */
    Optional<Document> profileOf(String participantId) {
        return Optional.ofNullable(mongo.findOne(query(where("_id").is(participantId).and("erasedAt").is(null)),
                Document.class, Participant.COLLECTION));
    }

    private int positionOf(Attendance waiting) {
        long ahead = mongo.count(query(where("day").is(waiting.day()).and("status").is(AttendanceStatus.WAITING)
                .and("sequence").lt(waiting.sequence())), Attendance.class);
        return WaitingList.positionOf(ahead);
    }

    private AttendanceView view(Attendance attendance) {
        boolean waiting = attendance.status() == AttendanceStatus.WAITING;
        boolean confirmed = attendance.status() == AttendanceStatus.CONFIRMED;
        return new AttendanceView(attendance.id(), LocalDate.parse(attendance.day()), attendance.status(),
                waiting ? positionOf(attendance) : null, confirmed ? attendance.badgeCode() : null,
                attendance.registeredAt(), confirmed ? attendance.confirmedAt() : null, attendance.checkedInAt(),
                attendance.status() == AttendanceStatus.CANCELLED ? attendance.cancelledAt() : null);
    }

    private void requireNotPast(LocalDate day) {
        if (day.isBefore(clock.today())) {
            throw new ConflictException("attendance.day.past", day.toString());
        }
    }
}
