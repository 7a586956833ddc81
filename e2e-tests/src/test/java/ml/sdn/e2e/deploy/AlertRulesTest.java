package ml.sdn.e2e.deploy;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/prometheus/alerts.yml without promtool (not packaged here): Prometheus's rule file structure, its
 * durations, balanced expressions, and series that the platform exports (a renamed meter would leave an
 * alert that never fires).
 */
class AlertRulesTest {

    private static final Path FILE = repositoryRoot().resolve("docker/prometheus/alerts.yml");
    /** What the services, the gateway and Prometheus itself export that the rules may read. */
    private static final Set<String> EXPORTED = Set.of("up", "sdn_outbox_oldest_pending_age_seconds",
            "sdn_outbox_pending_events", "kafka_consumer_fetch_manager_records_lag_max", "sdn_dead_letters_total",
            "sdn_notification_deliveries_total");
    private static final Set<String> PROMQL_WORDS = Set.of("max", "min", "sum", "by", "without", "and", "or",
            "unless", "increase", "rate", "deriv", "humanizeDuration", "on", "ignoring");
    private static final Pattern DURATION = Pattern.compile("\\d+[smhd]");

    @Test
    @SuppressWarnings("unchecked")
    void everyRuleIsWellFormedAndReadsOnlyExportedSeries() throws IOException {
        Map<String, Object> root;
        try (Reader reader = Files.newBufferedReader(FILE)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        assertThat(root).containsOnlyKeys("groups");
        List<String> alerts = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) root.get("groups")) {
            assertThat(group).containsKeys("name", "rules");
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                String name = String.valueOf(rule.get("alert"));
                assertThat(rule).as(name).containsKeys("alert", "expr", "labels", "annotations");
                assertThat(Set.of("alert", "expr", "for", "labels", "annotations")).as(name).containsAll(rule.keySet());
                if (rule.containsKey("for")) {
                    assertThat(String.valueOf(rule.get("for"))).as(name).matches(DURATION);
                }
                assertThat((Map<String, Object>) rule.get("labels")).as(name).containsKey("severity");
                assertThat((Map<String, Object>) rule.get("annotations")).as(name).containsKey("summary");
                String expr = String.valueOf(rule.get("expr"));
                assertThat(balanced(expr)).as(name + ": brackets of " + expr).isTrue();
                for (String range : ranges(expr)) {
                    assertThat(range).as(name).matches(DURATION);
                }
                assertThat(EXPORTED).as(name + " reads").containsAll(seriesIn(expr));
                alerts.add(name);
            }
        }
        assertThat(alerts).doesNotHaveDuplicates()
                .contains("PartDown", "OutboxBacklogGrowing", "ConsumerLagGrowing", "DeadLettersAppearing", "DeliveriesFailing");
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new AssertionError("no docker-compose.yml above " + Path.of("").toAbsolutePath());
    }

    private static boolean balanced(String expr) {
        StringBuilder open = new StringBuilder();
        boolean quoted = false;
        for (char c : expr.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && "([{".indexOf(c) >= 0) {
                open.append(c);
            } else if (!quoted && ")]}".indexOf(c) >= 0) {
                if (open.isEmpty() || "([{".indexOf(open.charAt(open.length() - 1)) != ")]}".indexOf(c)) {
                    return false;
                }
                open.setLength(open.length() - 1);
            }
        }
        return open.isEmpty() && !quoted;
    }

    private static List<String> ranges(String expr) {
        List<String> ranges = new ArrayList<>();
        Matcher range = Pattern.compile("\\[([^]]*)]").matcher(expr);
        while (range.find()) {
            ranges.add(range.group(1));
        }
        return ranges;
    }

    /** The identifiers outside label matchers, by-lists, ranges and strings that are not PromQL's own words. */
    private static Set<String> seriesIn(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", "").replaceAll("\\{[^}]*}", "").replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "");
        Set<String> names = new java.util.TreeSet<>();
        Matcher identifier = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*").matcher(bare);
        while (identifier.find()) {
            if (!PROMQL_WORDS.contains(identifier.group())) {
                names.add(identifier.group());
            }
        }
        return names;
    }
}
