package ml.sdn.registration.attendance;

import ml.sdn.platform.rules.FieldRejectedException;
import ml.sdn.registration.organizations.Organization;
import ml.sdn.registration.participants.Participant;
import ml.sdn.registration.participants.SearchKey;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The day's confirmed attendees as the door looks them up: by name or organisation (accent- and
 * case-insensitive, through the stored {@link SearchKey}s) or by phone (digits anywhere in the number).
 * Reads the participants' and organisations' documents, only the fields the door needs.
 */
@Component
class DayAttendees {

    static final int MAX_RESULTS = 20;
    /** Fewer would match half the room; a phone search needs more digits than that anyway. */
    static final int MIN_QUERY = 2;
    private static final int MIN_PHONE_DIGITS = 4;
    private static final Pattern PHONE_LIKE = Pattern.compile("[+\\d\\s.-]+");

    private final MongoTemplate mongo;

    DayAttendees(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    List<DoorAttendee> search(LocalDate day, String q) {
        String key = SearchKey.of(q);
        if (key.length() < MIN_QUERY) {
            throw new FieldRejectedException("q", "attendance.search.too-short", MIN_QUERY);
        }
        Set<String> people = new LinkedHashSet<>();
        String digits = q.replaceAll("\\D", "");
        if (PHONE_LIKE.matcher(q.strip()).matches() && digits.length() >= MIN_PHONE_DIGITS) {
            people.addAll(idsOf(query(where("phone").regex(Pattern.quote(digits)).and("erasedAt").is(null))));
            // a walk-in's phone is kept as typed ("+223 76 12 34 56"): its digits may be spaced out
            people.addAll(walkInIdsOf(query(where("phone").regex(spacedDigits(digits)))));
        } else {
            String contains = SearchKey.containsPattern(q);
            people.addAll(idsOf(query(where("searchKey").regex(contains).and("erasedAt").is(null))));
            people.addAll(walkInIdsOf(query(new Criteria().orOperator(where("searchKey").regex(contains),
                    where("organizationKey").regex(contains)))));
            Query organizations = query(where("nameKey").regex(contains));
            organizations.fields().include("members.participantId");
            for (Document organization : mongo.find(organizations, Document.class, Organization.COLLECTION)) {
                for (Document member : organization.getList("members", Document.class, List.of())) {
                    if (member.getString("participantId") != null) {
                        people.add(member.getString("participantId"));
                    }
                }
            }
        }
        if (people.isEmpty()) {
            return List.of();
        }
        List<Attendance> attendances = mongo.find(query(where("day").is(day.toString())
                .and("status").is(AttendanceStatus.CONFIRMED).and("participantId").in(people)), Attendance.class);
        Map<String, Person> persons = describe(attendances.stream().map(Attendance::participantId).toList());
        return attendances.stream()
                .map(a -> {
                    Person person = persons.getOrDefault(a.participantId(), Person.UNKNOWN);
                    return new DoorAttendee(a.id(), a.badgeCode(), person.name(), person.organization(), a.country(),
                            PhoneMask.of(person.phone()), a.checkedInAt(), a.checkedInDoor());
                })
                .sorted(Comparator.comparing((DoorAttendee a) -> SearchKey.of(a.displayName())).thenComparing(DoorAttendee::attendanceId))
                .limit(MAX_RESULTS)
                .toList();
    }

    /** A person as the door names them: display name, organisation(s), phone (for masking only). */
    record Person(String name, String organization, String phone) {
        static final Person UNKNOWN = new Person(null, null, null);
    }

    Person describe(String participantId) {
        return describe(List.of(participantId)).getOrDefault(participantId, Person.UNKNOWN);
    }

    Map<String, Person> describe(Collection<String> participantIds) {
        Map<String, List<String>> organizations = new LinkedHashMap<>();
        Criteria members = where("members.participantId").in(participantIds);
        for (Document organization : mongo.find(query(members).with(Sort.by("name")), Document.class, Organization.COLLECTION)) {
            for (Document member : organization.getList("members", Document.class, List.of())) {
                String id = member.getString("participantId");
                if (id != null && participantIds.contains(id)) {
                    organizations.computeIfAbsent(id, k -> new ArrayList<>()).add(organization.getString("name"));
                }
            }
        }
        Map<String, Person> persons = new LinkedHashMap<>();
        // people without an account, registered by organizers or coordinators (ids walkin:…)
        List<String> walkIns = participantIds.stream().filter(id -> id.startsWith(WalkIn.ID_PREFIX)).toList();
        if (!walkIns.isEmpty()) {
            for (WalkIn walkIn : mongo.find(query(where("_id").in(walkIns)), WalkIn.class)) {
                persons.put(walkIn.id(), new Person(walkIn.name(), walkIn.organization(), walkIn.phone()));
            }
        }
        for (Document participant : mongo.find(query(where("_id").in(participantIds).and("erasedAt").is(null)),
                Document.class, Participant.COLLECTION)) {
            String id = participant.getString("_id");
            List<String> names = organizations.get(id);
            persons.put(id, new Person(participant.getString("displayName"),
                    names == null ? null : names.stream().distinct().collect(Collectors.joining(", ")),
                    participant.getString("phone")));
        }
        return persons;
    }

    private List<String> walkInIdsOf(Query walkIns) {
        walkIns.fields().include("_id");
        return mongo.find(walkIns, Document.class, WalkIn.COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    /** The digits in order, anything but a digit allowed between them. */
    private static String spacedDigits(String digits) {
        return String.join("\\D*", digits.split(""));
    }

    /** The ids of the participants the query finds (all of them: the day's attendees are filtered next). */
    private List<String> idsOf(Query participants) {
        participants.fields().include("_id");
        return mongo.find(participants, Document.class, Participant.COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }
}
