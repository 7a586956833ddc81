package ml.sdn.portal.organizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * registration-service's figures ({@code GET /api/registrations/stats}) as the charts of the statistics
 * pages: participants by country and by gender, organisations by country, type and sector, and women-led
 * organisations against the others. A coordinator's figures come scoped to their delegation by the service.
 */
public record Statistics(String scope, long participants, long organizations, long womenLed, List<BarChart> charts) {

    public static Statistics of(Map<String, Object> stats) {
        Map<String, Object> participants = object(stats.get("participants"));
        Map<String, Object> organizations = object(stats.get("organizations"));
        long organizationTotal = number(organizations.get("total"));
        long womenLed = number(organizations.get("womenLed"));
        List<BarChart> charts = new ArrayList<>();
        charts.add(BarChart.of("participants-country", "organizer.stats.country.", counts(participants.get("byCountry"))));
        charts.add(BarChart.of("participants-gender", "organizer.stats.gender.", counts(participants.get("byGender"))));
        charts.add(BarChart.of("organizations-country", "organizer.stats.country.", counts(organizations.get("byCountry"))));
        charts.add(BarChart.of("organizations-type", "organizer.stats.type.", counts(organizations.get("byType"))));
        charts.add(BarChart.of("organizations-sector", "organizer.stats.sector.", counts(organizations.get("bySector"))));
        Map<String, Long> led = new LinkedHashMap<>();
        led.put("WOMEN_LED", womenLed);
        led.put("OTHERS", Math.max(0, organizationTotal - womenLed));
        charts.add(BarChart.of("organizations-women-led", "organizer.stats.led.", led));
        return new Statistics(String.valueOf(stats.get("scope")), number(participants.get("total")), organizationTotal,
                womenLed, charts);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Map<String, Long> counts(Object value) {
        Map<String, Long> counts = new LinkedHashMap<>();
        object(value).forEach((key, count) -> counts.put(key, number(count)));
        return counts;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
