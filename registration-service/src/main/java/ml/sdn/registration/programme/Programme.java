package ml.sdn.registration.programme;

import ml.sdn.events.registration.SessionMoved;
import ml.sdn.events.registration.SessionPlaceGiven;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.registration.attendance.WaitingNumbers;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.FieldChecks;
import ml.sdn.platform.rules.NotFoundException;
import ml.sdn.registration.attendance.WaitingList;
import ml.sdn.registration.participants.Participant;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.ComparisonOperators;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The week's programme: sessions (organizers write them, anyone reads them) and each person's agenda with
 * places and waiting lists the way attendance days have them (see the package description). A person only
 * ever reaches their own agenda, found by the token's subject.
 */
@Service
class Programme {

    private static final List<AgendaStatus> ACTIVE = List.of(AgendaStatus.CONFIRMED, AgendaStatus.WAITING);
    private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);
    /** Tries when a document changes under us (an edit, a promotion); each try is cheap. */
    private static final int ATTEMPTS = 10;
    /** A bound on one promotion run's work; the next add, leave or edit goes on with it. */
    private static final int MAX_ROUNDS = 10_000;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final EventDays days;

    Programme(MongoTemplate mongo, ObjectProvider<Clock> clock,
              @Value("${sdn.attendance.zone:Africa/Bamako}") ZoneId zone,
              @Value("${sdn.attendance.event.first-day}") LocalDate firstDay,
              @Value("${sdn.attendance.event.last-day}") LocalDate lastDay) {
        this.mongo = mongo;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.days = new EventDays(firstDay, lastDay, zone);
    }

    EventDays days() {
        return days;
    }

    // ---- sessions ----

    List<SessionView> sessions() {
        Map<String, Long> waiting = waitingBySession();
        return mongo.find(new Query().with(Sort.by("startsAt", "room", "_id")), ProgrammeSession.class).stream()
                .map(s -> SessionView.of(s, waiting.getOrDefault(s.id(), 0L), days)).toList();
    }

    SessionView session(String id) {
        return view(find(id));
    }

    /** Checks the whole request (fields, then the rules), so that every fault is answered at once. */
    SessionView create(SessionRequest request, FieldChecks checks) {
        rules(request, checks, SessionRules.Taken.NOBODY);
        Instant now = now();
        ProgrammeSession session = new ProgrammeSession(UUID.randomUUID().toString(), request.titleFr().strip(),
                request.titleEn().strip(), SessionKind.parse(request.kind()).orElseThrow(), request.room().strip(),
                days.instant(request.startsAt()), days.instant(request.endsAt()), request.speakerList(), request.capacity(),
                0, 0, List.of(), 0, now, now, null, null, List.of());
        return view(mongo.insert(session));
    }

    /**
     * Changes the session. The update is conditioned on the revision the rules were checked against and, with
     * a capacity, on the places taken not exceeding it, so a registration arriving meanwhile is never pushed
     * out; a moved time or room writes SessionMoved, naming everybody who holds a place or waits, in the same
     * update. A raised capacity promotes waiting people at once.
     */
    SessionView update(String id, SessionRequest request, FieldChecks checks) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ProgrammeSession before = find(id);
            rules(request, checks, new SessionRules.Taken(before.confirmed(), waitingOf(id)));
            Instant startsAt = days.instant(request.startsAt());
            Instant endsAt = days.instant(request.endsAt());
            String room = request.room().strip();
            Instant now = now();
            Update update = new Update().set("titleFr", request.titleFr().strip()).set("titleEn", request.titleEn().strip())
                    .set("kind", SessionKind.parse(request.kind()).orElseThrow()).set("room", room)
                    .set("startsAt", startsAt).set("endsAt", endsAt).set("speakers", request.speakerList())
                    .set("capacity", request.capacity()).set("updatedAt", now).inc("revision", 1);
            if (SessionRules.moved(before, startsAt, endsAt, room)) {
                List<String> people = mongo.find(query(where("sessionId").is(id).and("status").in(ACTIVE))
                        .with(Sort.by("sequence")), AgendaEntry.class).stream().map(AgendaEntry::participantId).toList();
                update.push("outbox", PendingEvent.of(SessionMoved.TYPE, id, new SessionMoved(id,
                        request.titleFr().strip(), request.titleEn().strip(), before.startsAt(), before.endsAt(),
                        before.room(), startsAt, endsAt, room, people, now)));
            }
            Criteria unchanged = where("_id").is(id).and("revision").is(before.revision());
            if (request.capacity() != null) {
                unchanged = unchanged.and("confirmed").lte(request.capacity());
            }
            if (mongo.updateFirst(query(unchanged), update, ProgrammeSession.class).getModifiedCount() == 1) {
                promote(id);
                return session(id);
            }
            // edited or registered for meanwhile: check again against what it is now
        }
        throw new ConflictException("sdn.problem.conflict");
    }

    private void rules(SessionRequest request, FieldChecks checks, SessionRules.Taken taken) {
        SessionRules.check(new SessionRules.Draft(request.kind(), request.startsAt(), request.endsAt(), request.capacity()),
                        days, taken)
                .forEach(fault -> {
                    if (checks.ok(fault.field())) {
                        checks.reject(fault.field(), fault.messageKey(), fault.arguments());
                    }
                });
        checks.throwIfAny();
    }

    // ---- agenda ----

    record Added(AgendaView entry, boolean created) {
    }

    /**
     * Adds the session to the caller's agenda: everybody joins the session's waiting list first (its next
     * sequence number), then promotions run: with a free place and nobody ahead that is a place at once.
     * Adding a session one already holds answers the existing entry (a retried request is harmless).
     */
    Added add(Caller caller, String sessionId) {
        if (!mongo.exists(query(where("_id").is(caller.id()).and("erasedAt").is(null)), Participant.COLLECTION)) {
            throw new ConflictException("programme.agenda.profile-required");
        }
        ProgrammeSession session = find(sessionId);
        if (session.capacity() == null) {
            throw new ConflictException("programme.agenda.open-to-all");
        }
        Optional<AgendaEntry> existing = entryOf(caller.id(), sessionId);
        if (existing.isPresent() && existing.get().active()) {
            return new Added(view(existing.get(), session), false);
        }
        String joining = UUID.randomUUID().toString();
        long sequence = WaitingNumbers.take(mongo, ProgrammeSession.class, sessionId, joining, now())
                .orElseThrow(() -> new NotFoundException("programme.session.not-found"));
        Instant now = now();
        AgendaEntry joined;
        try {
            if (existing.isEmpty()) {
                try {
                    joined = mongo.insert(new AgendaEntry(UUID.randomUUID().toString(), sessionId, caller.id(),
                            AgendaStatus.WAITING, sequence, now, null, null, List.of()));
                } catch (DuplicateKeyException sameMoment) {
                    joined = null;
                }
            } else {
                joined = mongo.findAndModify(query(where("_id").is(existing.get().id()).and("status").is(AgendaStatus.CANCELLED)),
                        new Update().set("status", AgendaStatus.WAITING).set("sequence", sequence)
                                .set("registeredAt", now).unset("confirmedAt").unset("cancelledAt"),
                        RETURN_NEW, AgendaEntry.class);
            }
        } finally {
            // written or given up: nobody behind this number waits for it any more; the promotions below serve them
            WaitingNumbers.joined(mongo, ProgrammeSession.class, sessionId, joining);
        }
        if (joined == null) {
            // the same person added it at the same moment from another request: that one stands
            promote(sessionId);
            return new Added(view(entryOf(caller.id(), sessionId).orElseThrow(), session), false);
        }
        promote(sessionId, joined.id());
        return new Added(view(mongo.findById(joined.id(), AgendaEntry.class), find(sessionId)), true);
    }

    /** The caller leaves the session: a place goes to the first person waiting; a place in line is simply given up. */
    void leave(Caller caller, String sessionId) {
        find(sessionId);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            AgendaEntry entry = entryOf(caller.id(), sessionId).filter(AgendaEntry::active)
                    .orElseThrow(() -> new NotFoundException("programme.agenda.not-registered"));
            if (leave(entry)) {
                return;
            }
        }
        throw new ConflictException("sdn.problem.conflict");
    }

    /** Leaves this version of the entry; false if it changed meanwhile (promoted while leaving). */
    private boolean leave(AgendaEntry entry) {
        boolean left = mongo.updateFirst(query(where("_id").is(entry.id()).and("status").is(entry.status())
                        .and("sequence").is(entry.sequence())),
                new Update().set("status", AgendaStatus.CANCELLED).set("cancelledAt", now()), AgendaEntry.class)
                .getModifiedCount() == 1;
        if (left && entry.status() == AgendaStatus.CONFIRMED) {
            mongo.updateFirst(query(where("_id").is(entry.sessionId())), placesChange(-1), ProgrammeSession.class);
            promote(entry.sessionId());
        }
        return left;
    }

    List<AgendaView> agenda(Caller caller) {
        List<AgendaEntry> entries = mongo.find(query(where("participantId").is(caller.id()).and("status").in(ACTIVE)),
                AgendaEntry.class);
        Map<String, ProgrammeSession> sessions = new HashMap<>();
        mongo.find(query(where("_id").in(entries.stream().map(AgendaEntry::sessionId).toList())), ProgrammeSession.class)
                .forEach(s -> sessions.put(s.id(), s));
        return entries.stream().filter(e -> sessions.containsKey(e.sessionId()))
                .map(e -> view(e, sessions.get(e.sessionId())))
                .sorted(java.util.Comparator.comparing((AgendaView v) -> v.session().startsAt()))
                .toList();
    }

    /**
     * While the session has a free place and someone waits, the first waiting person gets it: a place is taken
     * first (one atomic update of the session, {@code confirmed < capacity}), then bound to the head of the list
     * (one update conditioned on WAITING and the sequence); if nobody waits, the place is given back. A newcomer
     * joins the list before asking, so nobody takes a freed place ahead of the people already waiting.
     */
    void promote(String sessionId) {
        promote(sessionId, null);
    }

    /**
     * {@code newcomer}: the entry of the person adding the session in this request, who sees their place on
     * screen; anybody else given a place was waiting and is told (SessionPlaceGiven, in the entry's outbox).
     */
    private void promote(String sessionId, String newcomer) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Query free = query(where("_id").is(sessionId).and("capacity").ne(null)
                    .andOperator(Criteria.expr(ComparisonOperators.valueOf("confirmed").lessThan("capacity"))));
            if (mongo.findAndModify(free, placesChange(1), ProgrammeSession.class) == null) {
                return;
            }
            WaitingNumbers.Offer offer = giveToFirstWaiting(sessionId, newcomer);
            if (offer != WaitingNumbers.Offer.TAKEN) {
                mongo.updateFirst(query(where("_id").is(sessionId)), placesChange(-1), ProgrammeSession.class);
                ProgrammeSession afterwards = offer == WaitingNumbers.Offer.SOMEONE_JOINING
                        ? mongo.findById(sessionId, ProgrammeSession.class) : null;
                if (afterwards == null || !afterwards.joiningOrEmpty().isEmpty()) {
                    // nobody waits, or each registration still joining asks for promotions once written, after our give-back
                    return;
                }
                // the ones we waited for were written meanwhile, perhaps while we held the place: serve them now
            }
        }
    }

    /** Every write of the places taken dates itself, so that the reconciler can tell a hand-over in flight. */
    private Update placesChange(int delta) {
        return new Update().inc("confirmed", delta).set("placesChangedAt", now());
    }

    /** Binds a taken place to the head of the list, unless someone ahead of it is still being written ({@link WaitingNumbers}). */
    private WaitingNumbers.Offer giveToFirstWaiting(String sessionId, String newcomer) {
        for (int attempt = 0; attempt < MAX_ROUNDS; attempt++) {
            // read BEFORE the list: see WaitingNumbers
            ProgrammeSession counted = mongo.findById(sessionId, ProgrammeSession.class);
            if (counted == null) {
                return WaitingNumbers.Offer.NOBODY_WAITING;
            }
            List<AgendaEntry> candidates = mongo.find(query(where("sessionId").is(sessionId).and("status").is(AgendaStatus.WAITING))
                    .with(Sort.by("sequence", "_id")).limit(8), AgendaEntry.class);
            Optional<WaitingList.Entry> next = WaitingList.of(candidates.stream()
                    .map(e -> new WaitingList.Entry(e.id(), e.sequence())).toList()).next();
            if (next.isEmpty()) {
                return WaitingNumbers.Offer.NOBODY_WAITING;
            }
            WaitingNumbers.Head verdict = WaitingNumbers.mayServe(next.get().sequence(), counted.waitingSequence(),
                    counted.joiningOrEmpty());
            if (verdict == WaitingNumbers.Head.READ_AGAIN) {
                continue;
            }
            if (verdict == WaitingNumbers.Head.WAIT_FOR_JOINING) {
                return WaitingNumbers.Offer.SOMEONE_JOINING;
            }
            AgendaEntry head = candidates.stream().filter(e -> e.id().equals(next.get().attendanceId())).findFirst().orElseThrow();
            Instant now = now();
            Update bind = new Update().set("status", AgendaStatus.CONFIRMED).set("confirmedAt", now);
            if (!head.id().equals(newcomer)) {
                ProgrammeSession session = counted;
                if (session != null) {
                    bind.push("outbox", PendingEvent.of(SessionPlaceGiven.TYPE, sessionId, new SessionPlaceGiven(sessionId,
                            head.participantId(), session.titleFr(), session.titleEn(), session.startsAt(), session.endsAt(),
                            session.room(), now)));
                }
            }
            boolean promoted = mongo.updateFirst(query(where("_id").is(head.id()).and("status").is(AgendaStatus.WAITING)
                            .and("sequence").is(head.sequence())), bind, AgendaEntry.class)
                    .getModifiedCount() == 1;
            if (promoted) {
                return WaitingNumbers.Offer.TAKEN;
            }
        }
        return WaitingNumbers.Offer.NOBODY_WAITING;
    }

    // ---- personal data ----

    List<AgendaView> exportOf(String participantId) {
        List<AgendaEntry> entries = mongo.find(query(where("participantId").is(participantId)), AgendaEntry.class);
        return entries.stream().map(e -> {
            ProgrammeSession session = mongo.findById(e.sessionId(), ProgrammeSession.class);
            return new AgendaView(e.sessionId(), e.status(), null, session == null ? null : SessionView.of(session, 0, days));
        }).toList();
    }

    /** The person's places go to the people waiting, then their agenda is deleted. Idempotent. */
    void erase(String participantId) {
        for (AgendaEntry entry : mongo.find(query(where("participantId").is(participantId).and("status").in(ACTIVE)),
                AgendaEntry.class)) {
            AgendaEntry current = entry;
            for (int attempt = 0; attempt < ATTEMPTS && current != null && current.active() && !leave(current); attempt++) {
                current = mongo.findById(entry.id(), AgendaEntry.class);
            }
        }
        mongo.remove(query(where("participantId").is(participantId)), AgendaEntry.class);
    }

    // ---- shared ----

    private ProgrammeSession find(String id) {
        ProgrammeSession session = mongo.findById(id, ProgrammeSession.class);
        if (session == null) {
            throw new NotFoundException("programme.session.not-found");
        }
        return session;
    }

    private Optional<AgendaEntry> entryOf(String participantId, String sessionId) {
        return Optional.ofNullable(mongo.findOne(query(where("participantId").is(participantId).and("sessionId").is(sessionId)),
                AgendaEntry.class));
    }

    private long waitingOf(String sessionId) {
        return mongo.count(query(where("sessionId").is(sessionId).and("status").is(AgendaStatus.WAITING)), AgendaEntry.class);
    }

    private Map<String, Long> waitingBySession() {
        Map<String, Long> counts = new HashMap<>();
        mongo.aggregate(Aggregation.newAggregation(
                        Aggregation.match(where("status").is(AgendaStatus.WAITING.name())),
                        Aggregation.group("sessionId").count().as("waiting")),
                AgendaEntry.COLLECTION, Document.class)
                .forEach(row -> counts.put(row.getString("_id"), ((Number) row.get("waiting")).longValue()));
        return counts;
    }

    private SessionView view(ProgrammeSession session) {
        return SessionView.of(session, waitingOf(session.id()), days);
    }

    private AgendaView view(AgendaEntry entry, ProgrammeSession session) {
        Integer position = null;
        if (entry.status() == AgendaStatus.WAITING) {
            position = WaitingList.positionOf(mongo.count(query(where("sessionId").is(entry.sessionId())
                    .and("status").is(AgendaStatus.WAITING).and("sequence").lt(entry.sequence())), AgendaEntry.class));
        }
        return new AgendaView(entry.sessionId(), entry.status(), position, view(session));
    }

    /** MongoDB keeps milliseconds: truncated so that what we answer is what a later read answers. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
