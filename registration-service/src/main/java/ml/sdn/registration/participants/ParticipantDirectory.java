package ml.sdn.registration.participants;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The participant list organizers and coordinators browse. The caller's scope is part of the query
 * (a coordinator's country is a criterion, not a filter applied afterwards); erased profiles are never
 * listed. Every value from the request is bound as a value ({@code Criteria.is}) or, for the free
 * text, as a quoted regular expression on {@link SearchKey}s, so operator strings stay plain text.
 * <p>
 * The organisation filters read the {@code organizations} collection (owned by the organisations
 * feature; fields {@code type}, {@code sector}, {@code ownerId}, {@code members[].participantId}): a
 * participant matches when they own or are a member of a matching organisation.
 */
@Component
class ParticipantDirectory {

    static final String ORGANIZATIONS = "organizations";

    private final MongoTemplate mongo;

    ParticipantDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(Participant.class);
        indexes.createIndex(new Index().on("country", Sort.Direction.ASC).on("searchKey", Sort.Direction.ASC)
                .named("by_country_and_name"));
        indexes.createIndex(new Index().on("searchKey", Sort.Direction.ASC).named("by_name"));
    }

    /** What the request asks for; null means no filter. */
    record Filters(String country, String organizationType, String sector, String text) {
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
        String key = SearchKey.of(filters.text());
        if (!key.isEmpty()) {
            criteria.add(Criteria.where("searchKey").regex(SearchKey.containsPattern(filters.text())));
        }
        if (filters.organizationType() != null || filters.sector() != null) {
            Set<String> members = membersOfOrganizations(filters.organizationType(), filters.sector());
            if (members.isEmpty()) {
                return new Found(List.of(), 0);
            }
            criteria.add(Criteria.where("_id").in(members));
        }
        Query query = new Query(new Criteria().andOperator(criteria.toArray(Criteria[]::new)));
        long total = mongo.count(query, Participant.class);
        if (total <= (long) page * size) {
            return new Found(List.of(), total);
        }
        query.with(Sort.by(Sort.Order.asc("searchKey"), Sort.Order.asc("_id"))).skip((long) page * size).limit(size);
        return new Found(mongo.find(query, Participant.class), total);
    }

    /** Owners and members (with a profile) of the organisations of that type and sector. */
    private Set<String> membersOfOrganizations(String type, String sector) {
        Criteria organization = new Criteria();
        List<Criteria> criteria = new ArrayList<>();
        if (type != null) {
            criteria.add(Criteria.where("type").is(type));
        }
        if (sector != null) {
            criteria.add(Criteria.where("sector").is(sector));
        }
        Query query = new Query(organization.andOperator(criteria.toArray(Criteria[]::new)));
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
