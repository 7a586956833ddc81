package ml.sdn.incubation.incubatees;

import ml.sdn.incubation.cohorts.Cohort;
import ml.sdn.incubation.incubatees.Incubatee.IncubateeStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cohort's figures, whole (organizers) or one country's part (coordinators). Plain arithmetic:
 * <ul>
 *   <li>{@code total}, {@code byStatus}, {@code byCountry}, {@code byCategory}, {@code byWomenLed}
 *       count every incubatee in scope, whatever its status (each breakdown adds up to {@code total});
 *       the known keys are always there, at 0 when nobody has them, so a chart has stable series;</li>
 *   <li>{@code averageProgressPercent}: the mean of the progress percentages the incubatees see
 *       (validated milestones out of all, rounded down), over those not dropped, to one decimal
 *       (half up); null when there is no such incubatee;</li>
 *   <li>{@code atRisk}: active incubatees the scheduled check flagged at risk.</li>
 * </ul>
 * {@code capacity} and {@code seatsTaken} are cohort-wide, so they are given only for the whole cohort.
 */
public record CohortSummary(String cohortId, String cohortName, String editionId, String country, Integer capacity,
                            Integer seatsTaken, int total, Map<String, Integer> byStatus, Map<String, Integer> byCountry,
                            Map<String, Integer> byCategory, Map<String, Integer> byWomenLed,
                            BigDecimal averageProgressPercent, int atRisk) {

    static final List<String> COUNTRIES = List.of("ML", "BF", "NE");
    static final List<String> CATEGORIES = List.of("START_UP_CHALLENGE", "PROJECT_CONTEST");
    static final String WOMEN_LED = "womenLed";
    static final String OTHER = "other";
    static final String UNKNOWN = "UNKNOWN";

    /** One incubatee as the summary counts it. */
    public record Row(String country, String categoryCode, boolean womenLed, IncubateeStatus status, boolean atRisk,
                      int progressPercent) {
    }

    /**
     * The figures of {@code rows} (already limited to {@code country} when one is given).
     * {@code country} null: the whole cohort, with its capacity.
     */
    public static CohortSummary of(Cohort cohort, String country, List<Row> rows) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (IncubateeStatus status : IncubateeStatus.values()) {
            byStatus.put(status.name(), 0);
        }
        Map<String, Integer> byCountry = new LinkedHashMap<>();
        for (String known : country == null ? COUNTRIES : List.of(country)) {
            byCountry.put(known, 0);
        }
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        CATEGORIES.forEach(category -> byCategory.put(category, 0));
        Map<String, Integer> byWomenLed = new LinkedHashMap<>();
        byWomenLed.put(WOMEN_LED, 0);
        byWomenLed.put(OTHER, 0);
        int atRisk = 0;
        int seatsTaken = 0;
        long progressSum = 0;
        int progressCount = 0;
        for (Row row : rows) {
            byStatus.merge(row.status().name(), 1, Integer::sum);
            byCountry.merge(row.country() == null ? UNKNOWN : row.country(), 1, Integer::sum);
            byCategory.merge(row.categoryCode() == null ? UNKNOWN : row.categoryCode(), 1, Integer::sum);
            byWomenLed.merge(row.womenLed() ? WOMEN_LED : OTHER, 1, Integer::sum);
            if (row.status() == IncubateeStatus.ACTIVE && row.atRisk()) {
                atRisk++;
            }
            if (row.status() != IncubateeStatus.DROPPED) {
                seatsTaken++;
                progressSum += row.progressPercent();
                progressCount++;
            }
        }
        BigDecimal average = progressCount == 0 ? null
                : BigDecimal.valueOf(progressSum).divide(BigDecimal.valueOf(progressCount), 1, RoundingMode.HALF_UP);
        boolean whole = country == null;
        return new CohortSummary(cohort.id(), cohort.name(), cohort.editionId(), country,
                whole ? cohort.capacity() : null, whole ? seatsTaken : null, rows.size(), byStatus, byCountry, byCategory,
                byWomenLed, average, atRisk);
    }
}
