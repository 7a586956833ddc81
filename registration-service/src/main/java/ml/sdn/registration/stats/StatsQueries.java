package ml.sdn.registration.stats;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;

/**
 * Counts straight from the features' collections with {@code $group}, so statistics cost one round
 * trip per figure and never load people into memory. Field names are the documents' own
 * ({@code participants}, {@code organizations}, {@code attendance_days}, {@code attendances}).
 */
@Component
class StatsQueries {

    static final List<String> COUNTRIES = List.of("ML", "BF", "NE");

    private final MongoTemplate mongo;

    StatsQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @param country ML, BF or NE to count one country only; null for all three */
    RegistrationStats of(String country) {
        Criteria participants = Criteria.where("erasedAt").exists(false);
        Criteria organizations = new Criteria();
        Criteria attendances = new Criteria();
        if (country != null) {
            participants = participants.and("country").is(country);
            organizations = Criteria.where("country").is(country);
            attendances = Criteria.where("country").is(country);
        }
        Map<String, Long> participantsByCountry = countBy("participants", participants, "country");
        Map<String, Long> organizationsByCountry = countBy("organizations", organizations, "country");
        return new RegistrationStats(
                country == null ? "ALL" : country,
                new RegistrationStats.Participants(sum(participantsByCountry), withCountries(participantsByCountry, country),
                        countBy("participants", participants, "gender")),
                new RegistrationStats.Organizations(sum(organizationsByCountry), withCountries(organizationsByCountry, country),
                        countBy("organizations", organizations, "type"),
                        countBy("organizations", organizations, "sector"),
                        mongo.count(Query.query(new Criteria().andOperator(organizations, Criteria.where("womenLed").is(true))),
                                "organizations")),
                attendancePerDay(attendances));
    }

    private List<RegistrationStats.AttendanceDay> attendancePerDay(Criteria attendances) {
        Map<String, Long> capacities = new TreeMap<>();
        for (Document day : mongo.getCollection("attendance_days").find()) {
            Object capacity = day.get("capacity");
            capacities.put(String.valueOf(day.get("_id")), capacity instanceof Number n ? n.longValue() : null);
        }
        Map<String, long[]> counts = new TreeMap<>();
        capacities.keySet().forEach(day -> counts.put(day, new long[3]));
        Aggregation byDayAndStatus = Aggregation.newAggregation(
                match(attendances),
                group("day", "status").count().as("count"));
        for (Document row : mongo.aggregate(byDayAndStatus, "attendances", Document.class)) {
            Document key = row.get("_id", Document.class);
            long[] dayCounts = counts.computeIfAbsent(String.valueOf(key.get("day")), d -> new long[3]);
            String status = String.valueOf(key.get("status"));
            if ("CONFIRMED".equals(status)) {
                dayCounts[0] += count(row);
            } else if ("WAITING".equals(status)) {
                dayCounts[1] += count(row);
            }
        }
        Aggregation checkedIn = Aggregation.newAggregation(
                match(new Criteria().andOperator(attendances, Criteria.where("checkedInAt").ne(null))),
                group("day").count().as("count"));
        for (Document row : mongo.aggregate(checkedIn, "attendances", Document.class)) {
            counts.computeIfAbsent(String.valueOf(row.get("_id")), d -> new long[3])[2] = count(row);
        }
        List<RegistrationStats.AttendanceDay> days = new ArrayList<>();
        counts.forEach((day, c) -> days.add(new RegistrationStats.AttendanceDay(day, capacities.get(day), c[0], c[1], c[2])));
        return days;
    }

    private Map<String, Long> countBy(String collection, Criteria criteria, String field) {
        Aggregation aggregation = Aggregation.newAggregation(match(criteria), group(field).count().as("count"));
        Map<String, Long> counts = new TreeMap<>();
        for (Document row : mongo.aggregate(aggregation, collection, Document.class)) {
            Object key = row.get("_id");
            counts.merge(key == null ? "NOT_STATED" : String.valueOf(key), count(row), Long::sum);
        }
        return counts;
    }

    /** Every AES country appears, with 0 where nobody registered yet, so a chart has all three bars. */
    private static Map<String, Long> withCountries(Map<String, Long> counts, String country) {
        Map<String, Long> result = new LinkedHashMap<>();
        for (String code : country == null ? COUNTRIES : List.of(country)) {
            result.put(code, counts.getOrDefault(code, 0L));
        }
        return result;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static long count(Document row) {
        return ((Number) row.get("count")).longValue();
    }
}
