package ml.sdn.incubation.incubatees;

import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.FieldRejectedException;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Who may be assigned as a coach. The service cannot read other people's Keycloak roles without an
 * admin client and a service account (not set up yet), so it keeps its own roster: coaches enlist
 * themselves by using the coach views with a {@code coach} token (verified), and organizers declare
 * the rest (and may take anyone off). Assigning someone without the role gives them nothing: every
 * read checks the {@code coach} role in the caller's own token too.
 */
@Service
public class CoachRoster {

    private final MongoTemplate mongo;
    private final Clock clock;

    CoachRoster(MongoTemplate mongo, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /**
     * Records that {@code caller} holds the coach role (their own verified token says so): a first
     * sign-in puts them on the roster; later calls cost one read.
     */
    void enlist(Caller caller) {
        if (!caller.hasRole("coach")) {
            return;
        }
        CoachRosterEntry entry = mongo.findById(caller.id(), CoachRosterEntry.class);
        if (entry != null && entry.seenAt() != null) {
            return;
        }
        Instant now = now();
        String name = caller.name() != null && !caller.name().isBlank() ? caller.name() : caller.username();
        try {
            mongo.upsert(query(where("id").is(caller.id())), new Update()
                    .setOnInsert("name", name == null ? caller.id() : name)
                    .setOnInsert("onRoster", true)
                    .set("seenAt", now)
                    .set("updatedAt", now), CoachRosterEntry.class);
        } catch (DuplicateKeyException concurrentFirstCall) {
            // the same coach's other request enlisted them a moment ago
        }
    }

    /** The coach to assign: on the roster, with the roster's name; else 400 naming {@code coachId}. */
    CoachRosterEntry requireOnRoster(String coachId) {
        return Optional.ofNullable(mongo.findById(coachId, CoachRosterEntry.class)).filter(CoachRosterEntry::onRoster)
                .orElseThrow(() -> new FieldRejectedException("coachId", "coach.not-on-roster", coachId));
    }

    /** Replaces the declared roster: those listed are on it (with these names), everyone else is taken off. */
    List<CoachLoad> replace(Caller organizer, RosterRequest request) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < request.coaches().size(); i++) {
            if (!ids.add(request.coaches().get(i).id())) {
                throw new FieldRejectedException("coaches[" + i + "].id", "coach.id.duplicate", request.coaches().get(i).id());
            }
        }
        Instant now = now();
        for (RosterRequest.Entry coach : request.coaches()) {
            try {
                mongo.upsert(query(where("id").is(coach.id())), new Update()
                        .set("name", coach.name().strip())
                        .set("onRoster", true)
                        .setOnInsert("declaredBy", organizer.id())
                        .setOnInsert("declaredAt", now)
                        .set("updatedAt", now), CoachRosterEntry.class);
            } catch (DuplicateKeyException concurrentFirstCall) {
                mongo.updateFirst(query(where("id").is(coach.id())), new Update().set("name", coach.name().strip())
                        .set("onRoster", true).set("updatedAt", now), CoachRosterEntry.class);
            }
        }
        mongo.updateMulti(query(where("id").nin(ids).and("onRoster").is(true)),
                new Update().set("onRoster", false).set("updatedAt", now), CoachRosterEntry.class);
        return loads();
    }

    /**
     * Everyone the roster knows, with their load: those on it first, least loaded first (the natural
     * pick when assigning), then by name; then those taken off it (so an organizer can put them back),
     * and anyone still coaching active incubatees without a roster entry.
     */
    List<CoachLoad> loads() {
        Map<String, Long> active = activeIncubateesByCoach();
        Map<String, CoachLoad> loads = new LinkedHashMap<>();
        for (CoachRosterEntry entry : mongo.findAll(CoachRosterEntry.class)) {
            loads.put(entry.id(), new CoachLoad(entry.id(), entry.name(), entry.onRoster(), entry.seenAt() != null,
                    active.getOrDefault(entry.id(), 0L)));
        }
        List<String> unknown = active.keySet().stream().filter(id -> !loads.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            Map<String, String> names = namesFromHistory(unknown);
            for (String id : unknown) {
                loads.put(id, new CoachLoad(id, names.getOrDefault(id, id), false, false, active.get(id)));
            }
        }
        List<CoachLoad> sorted = new ArrayList<>(loads.values());
        sorted.sort(Comparator.comparing(CoachLoad::onRoster).reversed()
                .thenComparingLong(CoachLoad::activeIncubatees)
                .thenComparing(CoachLoad::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
                .thenComparing(CoachLoad::id));
        return sorted;
    }

    private Map<String, Long> activeIncubateesByCoach() {
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(where("status").is(Incubatee.IncubateeStatus.ACTIVE.name()).and("coachId").ne(null)),
                Aggregation.group("coachId").count().as("count"));
        Map<String, Long> counts = new HashMap<>();
        for (Document row : mongo.aggregate(aggregation, Incubatee.COLLECTION, Document.class).getMappedResults()) {
            Object id = row.get("_id");
            if (id != null) {
                counts.put(id.toString(), ((Number) row.get("count")).longValue());
            }
        }
        return counts;
    }

    /** The names incubatees' histories give coaches that are not on the roster (assigned before it existed). */
    private Map<String, String> namesFromHistory(List<String> coachIds) {
        Map<String, String> names = new HashMap<>();
        for (Incubatee incubatee : mongo.find(query(where("coachId").in(coachIds)), Incubatee.class)) {
            CoachHistory.current(incubatee.coachHistory()).ifPresent(current ->
                    names.putIfAbsent(current.coachId(), current.coachName()));
        }
        return names;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
