package ml.sdn.registration.attendance;

import ml.sdn.platform.rules.Refusal;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.FieldChecks;
import ml.sdn.platform.rules.FieldProblem;
import ml.sdn.platform.rules.FieldRejectedException;
import ml.sdn.registration.participants.DirectoryScope;
import ml.sdn.registration.participants.SearchKey;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Registering people who have no account: one by one from a form, or many from a CSV file with a report line
 * by line. A walk-in is found again by their {@link WalkInRules.Details#identityKey() identity key}, so the same
 * person registered twice, or a file imported twice, makes no second person, badge or registration. Each walk-in
 * gets a badge code (the same {@link Badges} as everybody) and a confirmed attendance per day, so the door's
 * check-in, search and badge printing treat them like anyone.
 */
@Service
class WalkIns {

    private static final FindAndModifyOptions UPSERT = FindAndModifyOptions.options().upsert(true).returnNew(true);

    private final MongoTemplate mongo;
    private final DayLedger ledger;
    private final Badges badges;
    private final AttendanceClock clock;
    private final MessageSource messages;

    WalkIns(MongoTemplate mongo, DayLedger ledger, Badges badges, AttendanceClock clock, MessageSource messages) {
        this.mongo = mongo;
        this.ledger = ledger;
        this.badges = badges;
        this.clock = clock;
        this.messages = messages;
    }

    record Registered(WalkInView walkIn, boolean created) {
    }

    /**
     * Registers one walk-in for the days. Who may, first (a coordinator without a delegation, or naming another
     * one: 403 naming {@code country}); then every field at fault at once (400); then the registration, which
     * answers the existing one when the person was registered for these days already ({@code created} false).
     */
    Registered register(Caller caller, WalkInRequest request) {
        String delegation = delegationOf(caller);
        WalkInRules.Checked checked = WalkInRules.check(request.name(), request.category(), request.country(),
                request.organization(), request.phone(), request.email(), delegation);
        if (checked.otherDelegation()) {
            throw new FieldRejectedException(Refusal.NOT_ALLOWED, "country", "attendance.walk-in.other-delegation");
        }
        FieldChecks checks = FieldChecks.none();
        checked.faults().forEach(f -> checks.reject(f.field(), f.messageKey(), f.arguments()));
        List<LocalDate> days = days(request.days(), checks);
        checks.throwIfAny();
        WalkInView view = admit(checked.details(), days, caller);
        return new Registered(view, view.anyNew());
    }

    /**
     * Registers every good line of the file for the days, and reports each line. The days and the file as a whole
     * are checked first (400 naming {@code days} and {@code file}, nobody registered); a bad line is reported with
     * its fields at fault and does not stop the others.
     */
    WalkInView.ImportReport importCsv(Caller caller, List<String> requestedDays, byte[] file) {
        String delegation = delegationOf(caller);
        FieldChecks checks = FieldChecks.none();
        List<LocalDate> days = days(requestedDays, checks);
        List<WalkInCsv.Row> rows = List.of();
        try {
            rows = WalkInCsv.rows(file == null ? new byte[0] : file);
        } catch (WalkInCsv.Unreadable unreadable) {
            checks.reject("file", unreadable.messageKey(), unreadable.arguments());
        }
        checks.throwIfAny();
        Locale locale = LocaleContextHolder.getLocale();
        List<WalkInView.Line> lines = new ArrayList<>();
        int registered = 0;
        int already = 0;
        int rejected = 0;
        for (WalkInCsv.Row row : rows) {
            WalkInRules.Checked checked = WalkInRules.check(row.get("name"), row.get("category"), row.get("country"),
                    row.get("organization"), row.get("phone"), row.get("email"), delegation);
            String name = row.get("name") == null ? null : row.get("name").strip();
            if (!checked.ok()) {
                rejected++;
                lines.add(new WalkInView.Line(row.line(), name, WalkInView.Outcome.REJECTED, null, checked.faults().stream()
                        .map(f -> new FieldProblem(f.field(), messages.getMessage(f.messageKey(), f.arguments(), locale)))
                        .toList()));
                continue;
            }
            WalkInView view = admit(checked.details(), days, caller);
            boolean fresh = view.anyNew();
            if (fresh) {
                registered++;
            } else {
                already++;
            }
            lines.add(new WalkInView.Line(row.line(), view.name(),
                    fresh ? WalkInView.Outcome.REGISTERED : WalkInView.Outcome.ALREADY_REGISTERED, view.badgeCode(), List.of()));
        }
        return new WalkInView.ImportReport(registered, already, rejected, lines);
    }

    /** An organizer registers anyone (null: any country); a coordinator their delegation's people only. */
    private static String delegationOf(Caller caller) {
        if (caller.hasRole(DirectoryScope.ORGANIZER)) {
            return null;
        }
        String delegation = caller.coordinatedCountry();
        if (delegation == null || !DirectoryScope.AES_COUNTRIES.contains(delegation)) {
            throw new FieldRejectedException(Refusal.NOT_ALLOWED, "country", "attendance.walk-in.no-delegation");
        }
        return delegation;
    }

    /** The days asked for: at least one, each an open day that is not over; what is wrong goes to {@code days}. */
    private List<LocalDate> days(List<String> requested, FieldChecks checks) {
        Set<LocalDate> days = new LinkedHashSet<>();
        if (requested == null || requested.stream().allMatch(d -> d == null || d.isBlank())) {
            checks.reject("days", "attendance.walk-in.days.required");
            return List.of();
        }
        DateTimeFormatter words = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", BadgeWords.language(LocaleContextHolder.getLocale()));
        for (String text : requested) {
            if (text == null || text.isBlank()) {
                continue;
            }
            LocalDate day;
            try {
                day = LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                checks.reject("days", "attendance.walk-in.days.invalid");
                continue;
            }
            if (ledger.find(day).isEmpty()) {
                checks.reject("days", "attendance.walk-in.days.not-open", words.format(day));
            } else if (day.isBefore(clock.today())) {
                checks.reject("days", "attendance.walk-in.days.past", words.format(day));
            } else {
                days.add(day);
            }
        }
        return List.copyOf(days);
    }

    /** The walk-in (found or created), their badge, and a confirmed attendance for each day (kept when it exists). */
    private WalkInView admit(WalkInRules.Details details, List<LocalDate> days, Caller caller) {
        Instant now = clock.now();
        WalkIn walkIn = findOrCreate(details, caller, now);
        String code = badges.codeOf(walkIn.id(), now);
        List<WalkInView.Day> registrations = new ArrayList<>();
        for (LocalDate day : days) {
            try {
                Attendance attendance = mongo.insert(Attendance.walkIn(UUID.randomUUID().toString(), walkIn.id(),
                        walkIn.country(), day.toString(), code, walkIn.category(), now));
                registrations.add(new WalkInView.Day(day, attendance.id(), true));
            } catch (DuplicateKeyException registeredAlready) {
                Attendance existing = mongo.findOne(query(where("participantId").is(walkIn.id()).and("day").is(day.toString())),
                        Attendance.class);
                registrations.add(new WalkInView.Day(day, existing == null ? null : existing.id(), false));
            }
        }
        return new WalkInView(walkIn.id(), walkIn.name(), walkIn.category(), walkIn.country(), walkIn.organization(), code,
                List.copyOf(registrations));
    }

    /** A walk-in registered at a door: who, and the badge code that counts for them (null: the code is another's). */
    record AtDoor(WalkIn walkIn, String badgeCode) {
    }

    /**
     * Registers, from a door's offline upload, a walk-in for one day with the code the door wrote on their paper
     * badge ({@link WalkInCodes}, claimed beforehand): found again by identity key like any walk-in, so the same
     * upload twice is one person; someone who had a badge already keeps their code (the answer gives it).
     */
    AtDoor admitAtDoor(WalkInRules.Details details, LocalDate day, String code, Caller staff) {
        Instant now = clock.now();
        WalkIn walkIn = findOrCreate(details, staff, now);
        String counted = badges.issue(walkIn.id(), code, now).orElse(null);
        if (counted != null) {
            try {
                mongo.insert(Attendance.walkIn(UUID.randomUUID().toString(), walkIn.id(), walkIn.country(), day.toString(),
                        counted, walkIn.category(), now));
            } catch (DuplicateKeyException registeredAlready) {
                // registered for the day before (an upload repeated, or by an organizer): that registration stands
            }
        }
        return new AtDoor(walkIn, counted);
    }

    /** One document per identity key, whichever request comes first (the first one's details stay). */
    private WalkIn findOrCreate(WalkInRules.Details details, Caller caller, Instant now) {
        String key = details.identityKey();
        Update onInsert = new Update().setOnInsert("_id", WalkIn.ID_PREFIX + UUID.randomUUID())
                .setOnInsert("name", details.name()).setOnInsert("searchKey", SearchKey.of(details.name()))
                .setOnInsert("category", details.category()).setOnInsert("country", details.country())
                .setOnInsert("organization", details.organization())
                .setOnInsert("organizationKey", details.organization() == null ? null : SearchKey.of(details.organization()))
                .setOnInsert("phone", details.phone()).setOnInsert("email", details.email())
                .setOnInsert("registeredBy", caller.id()).setOnInsert("registeredAt", now);
        try {
            return mongo.findAndModify(query(where("identityKey").is(key)), onInsert, UPSERT, WalkIn.class);
        } catch (DuplicateKeyException sameMoment) {
            // the same person registered by another request at the same instant: that one stands
            return mongo.findOne(query(where("identityKey").is(key)), WalkIn.class);
        }
    }
}
