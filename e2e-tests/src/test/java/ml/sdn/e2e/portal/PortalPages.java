package ml.sdn.e2e.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every GET address of the portal, as its controllers map it, and who opens it in the layout walk
 * ({@link PortalLayoutIT}). {@link PortalPagesTest} fails when a controller maps an address that is in neither
 * {@link #WALKED} nor {@link #NOT_PAGES}, so that a new page cannot miss the check.
 */
final class PortalPages {

    /** Mapped address → the role whose browser opens it ("anonymous" for a visitor). */
    static final Map<String, String> WALKED = new LinkedHashMap<>();

    static {
        WALKED.put("/", "anonymous");
        WALKED.put("/results", "anonymous");
        WALKED.put("/programme", "anonymous");
        WALKED.put("/me/applications", "participant");
        WALKED.put("/me/applications/new", "participant");
        WALKED.put("/me/applications/{id}", "participant");
        WALKED.put("/me/profile", "participant");
        WALKED.put("/me/profile/erase", "participant");
        WALKED.put("/me/notifications", "participant");
        WALKED.put("/me/notifications/preferences", "participant");
        WALKED.put("/me/organization", "participant");
        WALKED.put("/me/organization/drafts", "participant");
        WALKED.put("/me/attendance", "participant");
        WALKED.put("/me/attendance/claim", "participant");
        WALKED.put("/me/agenda", "participant");
        WALKED.put("/me/incubation", "participant");
        WALKED.put("/invitations/accept", "participant");
        WALKED.put("/jury", "jury");
        WALKED.put("/jury/applications/{id}", "jury");
        WALKED.put("/coach", "coach");
        WALKED.put("/coach/incubatees/{id}", "coach");
        WALKED.put("/coordinator", "coordinator");
        WALKED.put("/coordinator/participants", "coordinator");
        WALKED.put("/coordinator/participants/{id}", "coordinator");
        WALKED.put("/coordinator/organizations", "coordinator");
        WALKED.put("/coordinator/organizations/{id}", "coordinator");
        WALKED.put("/coordinator/door-figures", "coordinator");
        WALKED.put("/coordinator/badges", "coordinator");
        WALKED.put("/coordinator/messages", "coordinator");
        WALKED.put("/coordinator/messages/sent", "coordinator");
        WALKED.put("/coordinator/messages/{id}", "coordinator");
        WALKED.put("/coordinator/walk-ins", "coordinator");
        WALKED.put("/organizer", "organizer");
        WALKED.put("/organizer/editions", "organizer");
        WALKED.put("/organizer/editions/{id}", "organizer");
        WALKED.put("/organizer/editions/{id}/edit", "organizer");
        WALKED.put("/organizer/applications", "organizer");
        WALKED.put("/organizer/applications/{id}", "organizer");
        WALKED.put("/organizer/editions/{edition}/categories/{category}/jury", "organizer");
        WALKED.put("/organizer/editions/{edition}/categories/{category}/schedule", "organizer");
        WALKED.put("/organizer/editions/{edition}/categories/{category}/ranking", "organizer");
        WALKED.put("/organizer/editions/{edition}/categories/{category}/preselection", "organizer");
        WALKED.put("/organizer/editions/{edition}/results", "organizer");
        WALKED.put("/organizer/stats", "organizer");
        WALKED.put("/organizer/sms-budget", "organizer");
        WALKED.put("/organizer/delegations", "organizer");
        WALKED.put("/organizer/delegations/{id}", "organizer");
        // a second organizer account: organizer-ml's walk and set-up come near the gateway's 100 requests a minute
        WALKED.put("/organizer/participants", "organizer2");
        WALKED.put("/organizer/participants/{id}", "organizer2");
        WALKED.put("/organizer/organizations", "organizer2");
        WALKED.put("/organizer/organizations/{id}", "organizer2");
        WALKED.put("/organizer/door-figures", "organizer2");
        WALKED.put("/organizer/badges", "organizer2");
        WALKED.put("/organizer/walk-ins", "organizer2");
        WALKED.put("/organizer/programme", "organizer2");
        WALKED.put("/organizer/programme/new", "organizer2");
        WALKED.put("/organizer/programme/{id}/edit", "organizer2");
        WALKED.put("/organizer/deliveries", "organizer2");
        WALKED.put("/organizer/dead-letters", "organizer2");
        WALKED.put("/organizer/audit", "organizer2");
        WALKED.put("/organizer/incubation", "organizer2");
        WALKED.put("/organizer/incubation/cohorts/{id}", "organizer2");
        WALKED.put("/organizer/incubation/incubatees/{id}", "organizer2");
        WALKED.put("/organizer/messages", "organizer2");
        WALKED.put("/organizer/messages/sent", "organizer2");
        WALKED.put("/organizer/messages/{id}", "organizer2");
        WALKED.put("/checkin", "staff");
    }

    /** GET addresses that are not pages a person reads, with the reason. */
    static final Map<String, String> NOT_PAGES = Map.ofEntries(Map.entry("/organizer/participants.{format:csv|xlsx}", "a CSV or XLSX download"),
            Map.entry("/organizer/organizations.{format:csv|xlsx}", "a CSV or XLSX download"),
            Map.entry("/coordinator/participants.{format:csv|xlsx}", "a CSV or XLSX download"),
            Map.entry("/coordinator/organizations.{format:csv|xlsx}", "a CSV or XLSX download"),
            Map.entry("/organizer/door-figures/attendees.{format:csv|xlsx}", "a CSV or XLSX download"),
            Map.entry("/coordinator/door-figures/attendees.{format:csv|xlsx}", "a CSV or XLSX download"),
            Map.entry("/me/attendance/badge.pdf", "the badge's PDF"),
            Map.entry("/checkin/sw.js", "the door's service worker (a script)"),
            Map.entry("/organizer/badges/badges.pdf", "the day's badges as a PDF download (refusals show /organizer/badges)"),
            Map.entry("/coordinator/badges/badges.pdf", "the delegation's badges as a PDF download (refusals show /coordinator/badges)"),
            Map.entry("/signup", "sends the visitor to Keycloak's registration form"),
            Map.entry("/lang", "sets the language and goes back to the page"),
            Map.entry("/me/profile/export", "a JSON download"),
            Map.entry("/me/attendance/badge.png", "the badge's image"),
            Map.entry("/me/applications/{id}/attachment", "the application's PDF"),
            Map.entry("/organizer/editions/{edition}/categories/{category}/ranking.{format:csv|xlsx}", "a CSV or XLSX download"),
            Map.entry("/organizer/editions/{edition}/categories/{category}/jury.{format:csv|xlsx}", "a CSV or XLSX download"),
            Map.entry("/organizer/incubation/cohorts/{id}/progress.{format:csv|xlsx}", "a CSV or XLSX download"),
            Map.entry("/organizer/editions/{edition}/jury.{format:csv|xlsx}", "a CSV or XLSX download"),
            Map.entry("/organizer/jury", "goes to the jury page of a category of the current edition (walked there)"),
            Map.entry("/organizer/applications.{format:csv|xlsx}", "a CSV or XLSX download"));

    private static final Pattern CLASS_MAPPING = Pattern.compile("^@RequestMapping\\(\"([^\"]*)\"\\)", Pattern.MULTILINE);
    private static final Pattern GET_MAPPING = Pattern.compile("@GetMapping(?:\\(\"([^\"]*)\"\\))?");

    private PortalPages() {
    }

    /** The GET addresses the portal's controllers map (read from their sources: a class-level prefix plus each method's path). */
    static Set<String> mapped(Path portalSources) {
        Set<String> paths = new TreeSet<>();
        try (Stream<Path> files = Files.walk(portalSources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher prefix = CLASS_MAPPING.matcher(source);
                String base = prefix.find() ? prefix.group(1) : "";
                Matcher get = GET_MAPPING.matcher(source);
                while (get.find()) {
                    String path = base + (get.group(1) == null ? "" : get.group(1));
                    paths.add(path.isEmpty() ? "/" : path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return paths;
    }
}
