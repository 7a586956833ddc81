package ml.sdn.registration.participants;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The participant list organizers and coordinators browse. The caller's scope is part of the query
 * (a coordinator's country is a criterion, not a filter applied afterwards); erased profiles are never
 * listed. Every value from the request is bound as a value ({@code Criteria.is}) or, for the free
 * text, as a quoted regular expression on {@link SearchKey}s, so operator strings stay plain text.
 * <p>
 * The organisation filters and the search by an organisation's name read the {@code organizations}
 * collection (owned by the organisations feature; fields {@code name}, {@code nameKey}, {@code type},
 * {@code sector}, {@code womenLed}, {@code ownerId}, {@code members[].participantId}): a participant matches
 * when they own or are a member of a matching organisation. The day filter and a person's days read the
 * {@code attendances} collection (owned by the attendance feature; {@code participantId}, {@code day},
 * {@code status}, {@code checkedInAt}). Both are this service's own store: read here, never written.
 */
@Component
class ParticipantDirectory {

    static final String ORGANIZATIONS = "organizations";
    static final String ATTENDANCES = "attendances";
    private static final List<String> ACTIVE = List.of("CONFIRMED", "WAITING");

    private final MongoTemplate mongo;

    ParticipantDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(Participant.class);
        indexes.createIndex(new Index().on("country", Sort.Direction.ASC).on("searchKey", Sort.Direction.ASC)
                .named("by_country_and_name"));
        indexes.createIndex(new Index().on("searchKey", Sort.Direction.ASC).named("by_name"));
    }

    /** What the request asks for; null means no filter. {@code day}: registered (confirmed or waiting) for that day. */
    record Filters(String country, String organizationType, String sector, Boolean womenLed, LocalDate day, String text) {

        Filters(String country, String organizationType, String sector, String text) {
            this(country, organizationType, sector, null, null, text);
        }
    }

    record Found(List<Participant> participants, long total) {
    }

    Found find(DirectoryScope scope, Filters filters, int page, int size) {
        if (scope.nobody()) {
            return new Found(List.of(), 0);
        }
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(Criteria.where("erasedAt").is(null));
        String country = scope.country() != null ? scope.country() : filters.country();
        if (country != null) {
            criteria.add(Criteria.where("country").is(country));
        }
        SearchTerms terms = SearchTerms.of(filters.text());
        if (!terms.isEmpty()) {
            criteria.add(textCriteria(terms));
        }
        if (filters.organizationType() != null || filters.sector() != null || filters.womenLed() != null) {
            Set<String> members = membersOfOrganizations(organizationCriteria(filters));
            if (members.isEmpty()) {
                return new Found(List.of(), 0);
            }
            criteria.add(Criteria.where("_id").in(members));
        }
        if (filters.day() != null) {
            Set<String> registered = registeredFor(filters.day());
            if (registered.isEmpty()) {
                return new Found(List.of(), 0);
            }
            criteria.add(Criteria.where("_id").in(registered));
        }
        Query query = new Query(new Criteria().andOperator(criteria.toArray(Criteria[]::new)));
        long total = mongo.count(query, Participant.class);
        if (total <= (long) page * size) {
            return new Found(List.of(), total);
        }
        // the id breaks ties between equal names, so that pages never overlap or skip anyone
        query.with(Sort.by(Sort.Order.asc("searchKey"), Sort.Order.asc("_id"))).skip((long) page * size).limit(size);
        return new Found(mongo.find(query, Participant.class), total);
    }

    /** The person, if the scope shows them: a coordinator asking for someone of another delegation finds no one. */
    Optional<Participant> person(DirectoryScope scope, String id) {
        if (scope.nobody()) {
            return Optional.empty();
        }
        Criteria criteria = Criteria.where("_id").is(id).and("erasedAt").is(null);
        if (scope.country() != null) {
            criteria = criteria.and("country").is(scope.country());
        }
        return Optional.ofNullable(mongo.findOne(new Query(criteria), Participant.class));
    }

    /** The organisations each of these people owns or belongs to, by name. */
    Map<String, List<ParticipantDetail.Membership>> memberships(Collection<String> people) {
        Map<String, List<ParticipantDetail.Membership>> found = new HashMap<>();
        if (people.isEmpty()) {
            return found;
        }
        Set<String> participantIds = new HashSet<>(people); // looked up once per member of every organisation found
        Query query = new Query(new Criteria().orOperator(Criteria.where("ownerId").in(participantIds),
                Criteria.where("members.participantId").in(participantIds))).with(Sort.by("nameKey", "_id"));
        for (Document organization : mongo.find(query, Document.class, ORGANIZATIONS)) {
            String owner = organization.getString("ownerId");
            Set<String> seen = new LinkedHashSet<>();
            for (Object member : organization.getList("members", Object.class, List.of())) {
                if (member instanceof Document document && document.get("participantId") instanceof String participant
                        && participantIds.contains(participant) && seen.add(participant)) {
                    found.computeIfAbsent(participant, any -> new ArrayList<>())
                            .add(membership(organization, participant.equals(owner), document.getString("role")));
                }
            }
            if (owner != null && participantIds.contains(owner) && seen.add(owner)) {
                found.computeIfAbsent(owner, any -> new ArrayList<>()).add(membership(organization, true, null));
            }
        }
        return found;
    }

    /** The days each of these people is registered for (confirmed or waiting; cancelled ones too when asked), by day. */
    Map<String, List<ParticipantDetail.AttendanceDay>> attendance(Collection<String> participantIds, boolean withCancelled) {
        Map<String, List<ParticipantDetail.AttendanceDay>> found = new HashMap<>();
        if (participantIds.isEmpty()) {
            return found;
        }
        Criteria criteria = Criteria.where("participantId").in(participantIds);
        if (!withCancelled) {
            criteria = criteria.and("status").in(ACTIVE);
        }
        for (Document attendance : mongo.find(new Query(criteria).with(Sort.by("day")), Document.class, ATTENDANCES)) {
            found.computeIfAbsent(attendance.getString("participantId"), any -> new ArrayList<>())
                    .add(new ParticipantDetail.AttendanceDay(attendance.getString("day"), attendance.getString("status"),
                            attendance.get("checkedInAt") instanceof Date date ? date.toInstant() : null));
        }
        return found;
    }

    private static ParticipantDetail.Membership membership(Document organization, boolean owner, String role) {
        return new ParticipantDetail.Membership(organization.getString("_id"), organization.getString("name"), organization.getString("type"),
                organization.getString("sector"), organization.getString("country"),
                Boolean.TRUE.equals(organization.getBoolean("womenLed")), owner, role);
    }

    /** Name, e-mail, phone or an organisation's name contains the text. */
    private Criteria textCriteria(SearchTerms terms) {
        List<Criteria> any = new ArrayList<>();
        any.add(Criteria.where("searchKey").regex(Pattern.quote(terms.nameKey())));
        any.add(Criteria.where("email").regex(Pattern.quote(terms.emailPart()), "i"));
        if (terms.phoneDigits() != null) {
            any.add(Criteria.where("phone").regex(Pattern.quote(terms.phoneDigits())));
        }
        Set<String> byOrganization = membersOfOrganizations(Criteria.where("nameKey").regex(Pattern.quote(terms.nameKey())));
        if (!byOrganization.isEmpty()) {
            any.add(Criteria.where("_id").in(byOrganization));
        }
        return new Criteria().orOperator(any);
    }

    private static Criteria organizationCriteria(Filters filters) {
        List<Criteria> criteria = new ArrayList<>();
        if (filters.organizationType() != null) {
            criteria.add(Criteria.where("type").is(filters.organizationType()));
        }
        if (filters.sector() != null) {
            criteria.add(Criteria.where("sector").is(filters.sector()));
        }
        if (filters.womenLed() != null) {
            criteria.add(Criteria.where("womenLed").is(filters.womenLed()));
        }
        return new Criteria().andOperator(criteria.toArray(Criteria[]::new));
    }

    private Set<String> registeredFor(LocalDate day) {
        Query query = new Query(Criteria.where("day").is(day.toString()).and("status").in(ACTIVE));
        query.fields().include("participantId");
        Set<String> ids = new LinkedHashSet<>();
        for (Document found : mongo.find(query, Document.class, ATTENDANCES)) {
            if (found.get("participantId") instanceof String participant) {
                ids.add(participant);
            }
        }
        return ids;
    }

    /** Owners and members (with a profile) of the organisations matching {@code organization}. */
    private Set<String> membersOfOrganizations(Criteria organization) {
        Query query = new Query(organization);
        query.fields().include("ownerId").include("members");
        Set<String> ids = new LinkedHashSet<>();
        for (Document found : mongo.find(query, Document.class, ORGANIZATIONS)) {
            if (found.get("ownerId") instanceof String owner) {
                ids.add(owner);
            }
            for (Object member : found.getList("members", Object.class, List.of())) {
                if (member instanceof Document document && document.get("participantId") instanceof String participant) {
                    ids.add(participant);
                }
            }
        }
        return ids;
    }
}
