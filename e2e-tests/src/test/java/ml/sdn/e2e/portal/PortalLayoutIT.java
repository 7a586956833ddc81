package ml.sdn.e2e.portal;

import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout walk: every page of every role ({@link PortalPages}) on phones 360 px and 412 px wide, with data
 * in it (a small edition up to its final, a coached incubatee). On each page the document is no wider than the
 * window (tables stack or scroll inside their own box) and every visible form field has a label. All the
 * faults of the walk are reported together.
 */
@ExtendWith(RunningPlatform.class)
class PortalLayoutIT {

    static final int[] WIDTHS = {360, 412};

    /** What is wrong with the page as it is shown: the document wider than the window, fields without a label. */
    private static final String CHECK = """
            var problems = [];
            var doc = document.documentElement;
            if (doc.scrollWidth > window.innerWidth) {
              var widest = [];
              document.querySelectorAll('body *').forEach(function (e) {
                var r = e.getBoundingClientRect();
                if (r.right > window.innerWidth + 0.5 && e.children.length === 0 && widest.length < 4) {
                  widest.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className : '')
                      + ' ' + Math.round(r.right) + ' px "' + (e.textContent || '').trim().substring(0, 30) + '"');
                }
              });
              problems.push('document ' + doc.scrollWidth + ' px wide in a ' + window.innerWidth + ' px window: ' + widest.join('; '));
            }
            document.querySelectorAll('input, select, textarea').forEach(function (f) {
              if (f.type === 'hidden' || f.type === 'submit' || f.type === 'button' || f.getClientRects().length === 0) return;
              var labelled = (f.labels && f.labels.length > 0) || f.getAttribute('aria-label') || f.getAttribute('aria-labelledby');
              if (!labelled) problems.push('field "' + (f.name || f.id) + '" has no label');
            });
            return problems;""";

    private final Platform platform;

    PortalLayoutIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void every_page_of_every_role_fits_a_phone_and_labels_its_fields() {
        OrganizerEdition edition = new OrganizerEdition(platform).readyToPublish();
        JuryPagesSetUp setUp = new JuryPagesSetUp(platform);
        String incubatee = CoachPagesIT.incubateeCoachedByCoachNe(platform, setUp,
                "Sahel Compost " + UUID.randomUUID().toString().substring(0, 6));
        String participantId = Platform.claimsOf(platform.tokenOf("participant-ne")).get("sub").asString();
        String categoryPages = "/organizer/editions/" + edition.edition + "/categories/" + edition.category;

        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("/", "/");
        addresses.put("/results", "/results?edition=" + edition.edition);
        addresses.put("/me/applications", "/me/applications");
        addresses.put("/me/applications/new", "/me/applications/new");
        addresses.put("/me/applications/{id}", "/me/applications/" + edition.applications.get("NE"));
        addresses.put("/me/profile", "/me/profile");
        addresses.put("/me/profile/erase", "/me/profile/erase");
        addresses.put("/me/notifications", "/me/notifications");
        addresses.put("/me/organization", "/me/organization");
        addresses.put("/me/attendance", "/me/attendance");
        addresses.put("/me/incubation", "/me/incubation");
        addresses.put("/invitations/accept", "/invitations/accept?token=pas-une-invitation");
        addresses.put("/jury", "/jury");
        addresses.put("/jury/applications/{id}", "/jury/applications/" + edition.applications.get("NE"));
        addresses.put("/coach", "/coach");
        addresses.put("/coach/incubatees/{id}", "/coach/incubatees/" + incubatee);
        addresses.put("/coordinator", "/coordinator");
        addresses.put("/organizer", "/organizer");
        addresses.put("/organizer/editions", "/organizer/editions");
        addresses.put("/organizer/editions/{id}", "/organizer/editions/" + edition.edition);
        addresses.put("/organizer/editions/{edition}/categories/{category}/jury", categoryPages + "/jury");
        addresses.put("/organizer/editions/{edition}/categories/{category}/ranking", categoryPages + "/ranking?round=FINAL");
        addresses.put("/organizer/editions/{edition}/categories/{category}/preselection", categoryPages + "/preselection");
        addresses.put("/organizer/editions/{edition}/results", "/organizer/editions/" + edition.edition + "/results");
        addresses.put("/organizer/stats", "/organizer/stats");
        addresses.put("/organizer/delegations", "/organizer/delegations?q=Niger");
        addresses.put("/organizer/delegations/{id}", "/organizer/delegations/" + participantId);
        assertThat(addresses.keySet()).containsExactlyElementsOf(PortalPages.WALKED.keySet());

        Map<String, String> users = Map.of("participant", "participant-ne", "jury", "jury-ml", "coach", "coach-ne",
                "coordinator", "coordinator-ne", "organizer", "organizer-ml");
        List<String> faults = new ArrayList<>();
        for (String role : List.of("anonymous", "participant", "jury", "coach", "coordinator", "organizer")) {
            try (Browser browser = Browser.withJavaScript()) {
                if (!"anonymous".equals(role)) {
                    browser.signIn(platform.gateway(""), users.get(role), "demo");
                }
                for (int width : WIDTHS) {
                    browser.driver().manage().window().setSize(new Dimension(width, 800));
                    PortalPages.WALKED.forEach((page, walker) -> {
                        if (walker.equals(role)) {
                            faults.addAll(check(browser, role, width, addresses.get(page)));
                        }
                    });
                }
            }
        }
        assertThat(faults).as("layout faults").isEmpty();
    }

    private List<String> check(Browser browser, String role, int width, String address) {
        browser.open(platform.gateway(address));
        browser.find(By.tagName("footer"));
        List<String> faults = new ArrayList<>();
        String text = browser.pageText();
        if (text.contains("Un problème est survenu") || text.contains("Page introuvable")) {
            faults.add(role + " " + width + " px " + address + ": an error page instead of the page");
        }
        @SuppressWarnings("unchecked")
        List<Object> problems = (List<Object>) ((JavascriptExecutor) browser.driver()).executeScript(CHECK);
        for (Object problem : problems) {
            faults.add(role + " " + width + " px " + address + ": " + problem);
        }
        if (!problems.isEmpty()) {
            browser.screenshot("layout-" + width + "-" + role + address.replaceAll("[^A-Za-z0-9]+", "-"));
        }
        return faults;
    }
}
