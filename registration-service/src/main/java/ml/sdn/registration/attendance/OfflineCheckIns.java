package ml.sdn.registration.attendance;

import ml.sdn.events.registration.CheckedIn;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.FieldChecks;
import ml.sdn.platform.rules.FieldProblem;
import ml.sdn.platform.rules.FieldRejectedException;
import ml.sdn.platform.rules.NotFoundException;
import ml.sdn.platform.rules.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The door when the network is gone: the day's list a device downloads beforehand ({@link DoorList}), and
 * the check-ins it took meanwhile, uploaded later ({@link LateCheckIn}'s rules). Every change to a person's
 * day is one update conditioned on what was read, so two devices uploading at once still count each
 * person once and keep the earliest time.
 */
@Service
class OfflineCheckIns {

    private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);
    /** Reads again when another upload changed the person's day between the read and the write. */
    private static final int ATTEMPTS = 10;

    private final MongoTemplate mongo;
    private final DayLedger ledger;
    private final Badges badges;
    private final DayAttendees people;
    private final AttendanceClock clock;
    private final MessageSource messages;
    private final WalkIns walkIns;
    private final WalkInCodes walkInCodes;

    OfflineCheckIns(MongoTemplate mongo, DayLedger ledger, Badges badges, DayAttendees people, AttendanceClock clock,
                    MessageSource messages, WalkIns walkIns, WalkInCodes walkInCodes) {
        this.mongo = mongo;
        this.walkIns = walkIns;
        this.walkInCodes = walkInCodes;
        this.ledger = ledger;
        this.badges = badges;
        this.people = people;
        this.clock = clock;
        this.messages = messages;
    }

    /**
     * Everyone holding a place that day, by name, as the door's device stores it; a day not open: 404. A device
     * naming itself also gets the badge codes set aside for the walk-ins it may register offline.
     */
    DoorList list(LocalDate day, Caller staff, String device) {
        ledger.find(day).orElseThrow(() -> new NotFoundException("attendance.day.not-found", day.toString()));
        Instant now = clock.now();
        List<Attendance> confirmed = mongo.find(query(where("day").is(day.toString())
                .and("status").is(AttendanceStatus.CONFIRMED).and("badgeCode").ne(null)), Attendance.class);
        Map<String, DayAttendees.Person> persons = people.describe(confirmed.stream().map(Attendance::participantId).toList());
        List<DoorList.Attendee> attendees = confirmed.stream()
                .map(a -> {
                    DayAttendees.Person person = persons.getOrDefault(a.participantId(), DayAttendees.Person.UNKNOWN);
                    return new DoorList.Attendee(a.badgeCode(), person.name(), person.organization(), a.country(),
                            a.categoryOrParticipant().name(), a.checkedInAt(), a.checkedInDoor());
                })
                .sorted(Comparator.comparing((DoorList.Attendee a) -> a.displayName() == null ? "\uFFFF" : a.displayName())
                        .thenComparing(DoorList.Attendee::badgeCode))
                .toList();
        List<String> codes = device == null ? null : walkInCodes.reserve(staff.id(), device, day, now);
        return new DoorList(day, now, attendees, codes);
    }

    /**
     * Registers the walk-ins first (a later check-in line may be for one of them), then applies each check-in in the
     * batch's order; a line refused or in conflict never stops the others.
     */
    OfflineCheckInReport upload(Caller staff, OfflineCheckInBatch batch) {
        if (batch.empty()) {
            throw new FieldRejectedException(Refusal.INVALID, "checkIns", "attendance.offline.checkIns.size");
        }
        List<OfflineCheckInReport.WalkInLine> registered = new ArrayList<>(batch.walkIns().size());
        for (OfflineCheckInBatch.DoorWalkIn walkIn : batch.walkIns()) {
            registered.add(register(staff, walkIn));
        }
        List<OfflineCheckInReport.Line> outcomes = new ArrayList<>(batch.checkIns().size());
        for (OfflineCheckInBatch.Line line : batch.checkIns()) {
            outcomes.add(apply(staff, line));
        }
        return OfflineCheckInReport.of(outcomes, registered);
    }

    /**
     * One person registered at the door online, from the page without its script: every detail at fault at once (400),
     * then the same registration as an offline walk-in's, with a code the service sets aside for the form's client
     * id (the same form sent again finds it, and the same person), checked in now at the door.
     */
    OfflineCheckInReport.WalkInLine registerAtDoor(Caller staff, LocalDate day, DoorWalkInRequest request) {
        ledger.find(day).orElseThrow(() -> new NotFoundException("attendance.day.not-found", day.toString()));
        WalkInRules.Checked checked = WalkInRules.check(request.name(), request.category(), request.country(),
                request.organization(), request.phone(), request.email(), null);
        FieldChecks checks = FieldChecks.none();
        checked.faults().forEach(f -> checks.reject(f.field(), f.messageKey(), f.arguments()));
        checks.throwIfAny();
        Instant now = clock.now();
        String code = walkInCodes.forClient(staff.id(), day, request.clientId(), now);
        return register(staff, new OfflineCheckInBatch.DoorWalkIn(request.clientId(), code, day, request.door(), now,
                request.name(), request.category(), request.country(), request.organization(), request.phone(),
                request.email()));
    }

    /**
     * One person registered at the door offline: their details checked like any walk-in's, then the code the door
     * wrote claimed for them (once: the same upload again finds it theirs, another person's use is a conflict),
     * then the person, their badge and the day, and their check-in at the door and time the device noted.
     */
    private OfflineCheckInReport.WalkInLine register(Caller staff, OfflineCheckInBatch.DoorWalkIn line) {
        Locale locale = LocaleContextHolder.getLocale();
        String name = line.name() == null ? null : line.name().strip();
        WalkInRules.Checked checked = WalkInRules.check(line.name(), line.category(), line.country(), line.organization(),
                line.phone(), line.email(), null);
        if (!checked.ok()) {
            List<FieldProblem> errors = checked.faults().stream()
                    .map(f -> new FieldProblem(f.field(), messages.getMessage(f.messageKey(), f.arguments(), locale))).toList();
            String summary = errors.stream().map(FieldProblem::message).collect(Collectors.joining(", "));
            return walkInLine(line, OfflineCheckInReport.WalkInOutcome.REFUSED, name, null,
                    messages.getMessage("attendance.walk-in.details.invalid", new Object[] {summary}, locale), errors, null);
        }
        Optional<String> code = BadgeCode.normalize(line.badgeCode());
        WalkInCodes.Claimed claimed = code.map(c -> walkInCodes.claim(c, staff.id(), line.day(), line.clientId(), clock.now()))
                .orElse(new WalkInCodes.Claimed(WalkInCodes.Claim.NOT_RESERVED, null));
        switch (claimed.claim()) {
            case NOT_RESERVED -> {
                return walkInLine(line, OfflineCheckInReport.WalkInOutcome.REFUSED, name, null,
                        text("attendance.walk-in.code.not-reserved"), List.of(), null);
            }
            case TAKEN -> {
                reportTaken(claimed.code(), line, staff);
                return walkInLine(line, OfflineCheckInReport.WalkInOutcome.CONFLICT, name, null,
                        text("attendance.walk-in.code.taken"), List.of(), null);
            }
            default -> {
                // OURS: the code is this walk-in's
            }
        }
        WalkIns.AtDoor admitted = walkIns.admitAtDoor(checked.details(), line.day(), code.get(), staff);
        if (admitted.badgeCode() == null) {
            return walkInLine(line, OfflineCheckInReport.WalkInOutcome.REFUSED, name, null,
                    text("attendance.walk-in.code.owned"), List.of(), null);
        }
        walkInCodes.used(code.get(), admitted.walkIn().id());
        OfflineCheckInReport.Line checkIn = apply(staff, line.checkIn(admitted.badgeCode()));
        return walkInLine(line, admitted.badgeCode().equals(code.get()) ? OfflineCheckInReport.WalkInOutcome.REGISTERED
                        : OfflineCheckInReport.WalkInOutcome.ALREADY_REGISTERED, admitted.walkIn().name(),
                admitted.badgeCode(), checkIn.message(), List.of(), checkIn);
    }

    /** A code written for two people: kept for organizers beside the first holder's day, once per upload line. */
    private void reportTaken(WalkInCode code, OfflineCheckInBatch.DoorWalkIn line, Caller staff) {
        if (code.walkInId() == null) {
            return; // the first holder's upload has not got as far as registering them: nothing to show beside
        }
        Attendance first = mongo.findOne(query(where("participantId").is(code.walkInId()).and("day").is(line.day().toString())),
                Attendance.class);
        if (first != null) {
            report(first.id(), first.day(), line.clientId(), line.door().strip(),
                    LateCheckIn.takenAt(line.takenAt().truncatedTo(ChronoUnit.MILLIS), clock.now()), staff, clock.now());
        }
    }

    private static OfflineCheckInReport.WalkInLine walkInLine(OfflineCheckInBatch.DoorWalkIn line,
                                                              OfflineCheckInReport.WalkInOutcome outcome, String name,
                                                              String badgeCode, String message, List<FieldProblem> errors,
                                                              OfflineCheckInReport.Line checkIn) {
        return new OfflineCheckInReport.WalkInLine(line.clientId(), outcome, name, badgeCode, message, errors,
                checkIn == null ? null : checkIn.checkedInAt(), checkIn == null ? null : checkIn.door());
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private OfflineCheckInReport.Line apply(Caller staff, OfflineCheckInBatch.Line line) {
        Attendance attendance;
        try {
            String code = DoorCheckIn.code(line.badgeCode());
            Optional<Badge> badge = badges.withCode(code);
            attendance = badge.flatMap(b -> Optional.ofNullable(mongo.findOne(query(where("participantId")
                    .is(b.participantId()).and("day").is(line.day().toString())), Attendance.class))).orElse(null);
            DoorCheckIn.admit(badge.isPresent(), attendance == null ? null : attendance.status());
        } catch (DoorCheckIn.Refused refused) {
            return refused(line, refused.reason());
        }
        String door = line.door().strip();
        Instant now = clock.now();
        Instant at = LateCheckIn.takenAt(line.takenAt().truncatedTo(ChronoUnit.MILLIS), now);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Attendance current = attempt == 0 ? attendance : mongo.findById(attendance.id(), Attendance.class);
            if (current == null || current.status() != AttendanceStatus.CONFIRMED) {
                return refused(line, DoorCheckIn.Reason.CANCELLED); // cancelled or erased since
            }
            LateCheckIn.Recorded recorded = new LateCheckIn.Recorded(current.checkedInAt(), current.checkedInDoor(),
                    current.checkInId(), current.checkedInAt() == null ? Set.of() : conflictIdsOf(current.id()));
            switch (LateCheckIn.decide(recorded, line.checkInId(), at, door)) {
                case RECORD -> {
                    PendingEvent event = PendingEvent.of(CheckedIn.TYPE, current.id(), new CheckedIn(current.id(),
                            current.participantId(), current.country(), line.day(), staff.id(), at, door));
                    Attendance written = mongo.findAndModify(query(where("_id").is(current.id())
                                    .and("status").is(AttendanceStatus.CONFIRMED).and("checkedInAt").is(null)),
                            checkedIn(staff, line.checkInId(), at, door).push("outbox", event), RETURN_NEW, Attendance.class);
                    if (written != null) {
                        return counted(line, OfflineCheckInReport.Outcome.RECORDED, written);
                    }
                }
                case SAME -> {
                    return counted(line, OfflineCheckInReport.Outcome.RECORDED, current);
                }
                case ALREADY_IN -> {
                    return counted(line, OfflineCheckInReport.Outcome.ALREADY_IN, current);
                }
                case CONFLICT -> {
                    report(current.id(), current.day(), line.checkInId(), door, at, staff, now);
                    return counted(line, OfflineCheckInReport.Outcome.CONFLICT, current);
                }
                case EARLIER -> {
                    // CheckedIn was published with the later time; the stored time is the one the figures read
                    Attendance written = mongo.findAndModify(query(where("_id").is(current.id())
                                    .and("status").is(AttendanceStatus.CONFIRMED).and("checkedInAt").is(current.checkedInAt())
                                    .and("checkInId").is(current.checkInId())),
                            checkedIn(staff, line.checkInId(), at, door), RETURN_NEW, Attendance.class);
                    if (written != null) {
                        if (!LateCheckIn.sameDoor(current.checkedInDoor(), door)) {
                            report(current.id(), current.day(), current.checkInId() == null ? "none" : current.checkInId(),
                                    current.checkedInDoor(), current.checkedInAt(), staff, now);
                        }
                        return counted(line, OfflineCheckInReport.Outcome.RECORDED, written);
                    }
                }
            }
        }
        throw new ConflictException("sdn.problem.conflict");
    }

    private static Update checkedIn(Caller staff, String checkInId, Instant at, String door) {
        return new Update().set("checkedInAt", at).set("checkedInBy", staff.id()).set("checkedInDoor", door)
                .set("checkInId", checkInId);
    }

    private Set<String> conflictIdsOf(String attendanceId) {
        return mongo.find(query(where("attendanceId").is(attendanceId)), DoorConflict.class).stream()
                .map(DoorConflict::checkInId).collect(Collectors.toSet());
    }

    /** Keeps the conflict once, however many times its line is uploaded. */
    private void report(String attendanceId, String day, String checkInId, String door, Instant at, Caller staff, Instant now) {
        try {
            mongo.insert(new DoorConflict(DoorConflict.idOf(attendanceId, checkInId), attendanceId, day, door, at,
                    checkInId, staff.id(), now));
        } catch (DuplicateKeyException known) {
            // uploaded before: already kept
        }
    }

    private static OfflineCheckInReport.Line counted(OfflineCheckInBatch.Line line, OfflineCheckInReport.Outcome outcome,
                                                     Attendance attendance) {
        return new OfflineCheckInReport.Line(line.checkInId(), outcome, null, null, attendance.checkedInAt(),
                attendance.checkedInDoor());
    }

    private OfflineCheckInReport.Line refused(OfflineCheckInBatch.Line line, DoorCheckIn.Reason refusal) {
        String message = messages.getMessage(refusal.messageKey(), null, refusal.messageKey(), LocaleContextHolder.getLocale());
        return new OfflineCheckInReport.Line(line.checkInId(), OfflineCheckInReport.Outcome.REFUSED, refusal.name(), message,
                null, null);
    }
}
