package ml.sdn.e2e.portal;

import ml.sdn.e2e.Days;
import ml.sdn.e2e.Platform;
import ml.sdn.e2e.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The layout walk: every page of every role ({@link PortalPages}) on phones 360 px and 412 px wide in French, then
 * in English at 360 px, and the organizers' and coordinators' pages at a desk, 1280 px (the narrower phone, where English's words are checked: a third pass rather than a fourth,
 * to keep the walk's time), with data in it (a small edition up to its final, a coached incubatee, a day of the
 * week the participant is registered for; a member's draft on the organisation's drafts page is checked at 360 px by
 * {@link OrganizationDraftsIT}). On each page the document is no wider than the
 * window (tables stack or scroll inside their own box), every visible form field has a label, and the text
 * shows words, not codes: no enum-like token (upper case with an underscore, or one of the services' single-word
 * codes), no country code alone, no ISO date. The coordinators' pages are walked by coordinator-bf with Burkina
 * Faso's data (participant-bf, their start-up, their check-in, coordinator-bf's own message): each shows what the
 * delegation holds ({@link #delegationFaults}) and never a person of Niger or Mali. All the faults of the walk are
 * reported together.
 */
@ExtendWith(RunningPlatform.class)
class PortalLayoutIT {

    /** Each pass of the walk: a language and a window width. */
    record Pass(String language, int width) {
    }

    static final List<Pass> PASSES = List.of(new Pass("fr", 360), new Pass("fr", 412), new Pass("en", 360));

    /**
     * The back-office is also used at a desk: organizers' and coordinators' pages are walked once more in a desktop
     * window (tables and forms laid out wide must still label every field and show words).
     */
    static final Pass DESKTOP = new Pass("fr", 1280);
    static final List<String> DESK_ROLES = List.of("coordinator", "organizer");

    /** The other delegations' demo people (names and addresses): never on coordinator-bf's pages. */
    static final List<String> OTHER_DELEGATIONS = List.of("Participant Niger", "Participant Mali", "participant-ne@", "participant-ml@");

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

    /** What a person should never read: the services' codes, ISO country codes alone, ISO dates and months. */
    static final Pattern RAW = Pattern.compile("\\b(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+"
            + "|SUBMISSION|EVALUATION|PRESELECTION|INCUBATION|FINAL|CLOSED|DRAFT|SUBMITTED|WITHDRAWN|PRESELECTED|ASSIGNED"
            + "|SCORED|VALIDATED|PENDING|REJECTED|MALE|FEMALE|REMOTE|ONLINE|ML|BF|NE"
            + "|\\d{4}-\\d{2}-\\d{2}(?:T[\\d:.]+Z?)?|20\\d{2}-\\d{2})\\b");

    /** Pages whose table must have rows when walked (set up by the walk), or their stacked layout is not checked. */
    private static final Set<String> WITH_ROWS = Set.of("/me/attendance");

    /** Pages whose cards must be there when walked (set up by the walk), or their phone layout is not checked. */
    private static final Map<String, String> WITH_CARDS = Map.of("/organizer/deliveries?channel=EMAIL", "article.delivery",
            "/organizer/audit?edition=", "article.audit-entry", "/organizer/incubation/cohorts/", "article.incubatee");

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
        // its cohort, for the organizers' incubation pages (the coached incubatee shows the coach's forms)
        String incubateeCohort = platform.get(platform.gateway("/api/incubation/incubatees/" + incubatee),
                platform.tokenOf("organizer-bf")).json().get("cohortId").asString();
        String participantToken = platform.tokenOf("participant-ne");
        String participantId = Platform.claimsOf(participantToken).get("sub").asString();
        String organizationId = platform.get(platform.gateway("/api/registrations/organizations/mine"), participantToken)
                .json().get(0).get("id").asString();
        String categoryPages = "/organizer/editions/" + edition.edition + "/categories/" + edition.category;
        // rows in the participant's attendance table, which scrolls in its own box on a phone (a day of the week
        // they are registered for, their badge too), and a checked-in row on the door's page
        LocalDate doorDay = dayWithCheckIns();
        // a session of the programme with a place in participant-ne's agenda (the agenda's cards and the forms)
        String session = sessionInTheAgendaOf("participant-ne");
        // the applications' receipts: the delivery log has e-mails to show once notification-service has queued them
        String organizerNe = platform.tokenOf("organizer-ne");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> platform.get(
                platform.gateway("/api/notifications/admin/deliveries?channel=EMAIL&size=1"), organizerNe)
                .json().path("total").asLong() > 0);
        // the coordinators' pages are coordinator-bf's, with Burkina Faso's person and start-up (OrganizerEdition's
        // application from Burkina Faso made both)
        String participantBfToken = platform.tokenOf("participant-bf");
        String participantBf = Platform.claimsOf(participantBfToken).get("sub").asString();
        JsonNode startUpBf = platform.get(platform.gateway("/api/registrations/organizations/mine"), participantBfToken).json().get(0);
        String startUpBfName = startUpBf.get("name").asString();
        // a message to coordinator-bf's delegation: its report is walked by the coordinator and by an organizer
        Platform.Response sent = platform.postJson(platform.gateway("/api/notifications/admin/broadcasts"),
                platform.tokenOf("coordinator-bf"), """
                        {"subjectFr":"Rappel du jour","bodyFr":"Rendez-vous à 9 h.","subjectEn":"Today's reminder",
                         "bodyEn":"See you at 9 a.m."}""");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String message = sent.json().path("id").asString();

        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("/", "/");
        addresses.put("/results", "/results?edition=" + edition.edition);
        addresses.put("/programme", "/programme");
        addresses.put("/me/applications", "/me/applications");
        addresses.put("/me/applications/new", "/me/applications/new");
        addresses.put("/me/applications/{id}", "/me/applications/" + edition.applications.get("NE"));
        addresses.put("/me/profile", "/me/profile");
        addresses.put("/me/profile/erase", "/me/profile/erase");
        addresses.put("/me/notifications", "/me/notifications");
        addresses.put("/me/notifications/preferences", "/me/notifications/preferences");
        addresses.put("/me/organization", "/me/organization");
        addresses.put("/me/organization/drafts", "/me/organization/drafts");
        addresses.put("/me/attendance", "/me/attendance");
        addresses.put("/me/attendance/claim", "/me/attendance/claim");
        addresses.put("/me/agenda", "/me/agenda");
        addresses.put("/me/incubation", "/me/incubation");
        addresses.put("/invitations/accept", "/invitations/accept?token=pas-une-invitation");
        addresses.put("/jury", "/jury");
        addresses.put("/jury/applications/{id}", "/jury/applications/" + edition.applications.get("NE"));
        addresses.put("/coach", "/coach");
        addresses.put("/coach/incubatees/{id}", "/coach/incubatees/" + incubatee);
        addresses.put("/coordinator", "/coordinator");
        // "participant" finds every delegation's demo participant: the page must hold Burkina Faso's only
        addresses.put("/coordinator/participants", "/coordinator/participants?q=participant");
        addresses.put("/coordinator/participants/{id}", "/coordinator/participants/" + participantBf);
        addresses.put("/coordinator/organizations", "/coordinator/organizations?q=" + URLEncoder.encode(startUpBfName, StandardCharsets.UTF_8));
        addresses.put("/coordinator/organizations/{id}", "/coordinator/organizations/" + startUpBf.get("id").asString());
        addresses.put("/coordinator/door-figures", "/coordinator/door-figures?day=" + doorDay);
        addresses.put("/coordinator/badges", "/coordinator/badges?day=" + doorDay);
        addresses.put("/coordinator/messages", "/coordinator/messages");
        addresses.put("/coordinator/messages/sent", "/coordinator/messages/sent");
        addresses.put("/coordinator/messages/{id}", "/coordinator/messages/" + message);
        addresses.put("/coordinator/walk-ins", "/coordinator/walk-ins");
        addresses.put("/organizer", "/organizer");
        addresses.put("/organizer/editions", "/organizer/editions");
        addresses.put("/organizer/editions/{id}", "/organizer/editions/" + edition.edition);
        addresses.put("/organizer/editions/{id}/edit", "/organizer/editions/" + edition.edition + "/edit");
        addresses.put("/organizer/applications", "/organizer/applications?edition=" + edition.edition);
        addresses.put("/organizer/applications/{id}", "/organizer/applications/" + edition.applications.get("NE"));
        addresses.put("/organizer/editions/{edition}/categories/{category}/jury", categoryPages + "/jury");
        addresses.put("/organizer/editions/{edition}/categories/{category}/schedule", categoryPages + "/schedule");
        addresses.put("/organizer/editions/{edition}/categories/{category}/ranking", categoryPages + "/ranking?round=FINAL");
        addresses.put("/organizer/editions/{edition}/categories/{category}/preselection", categoryPages + "/preselection");
        addresses.put("/organizer/editions/{edition}/results", "/organizer/editions/" + edition.edition + "/results");
        addresses.put("/organizer/stats", "/organizer/stats");
        addresses.put("/organizer/sms-budget", "/organizer/sms-budget");
        addresses.put("/organizer/delegations", "/organizer/delegations?q=Niger");
        addresses.put("/organizer/delegations/{id}", "/organizer/delegations/" + participantId);
        addresses.put("/organizer/participants", "/organizer/participants?q=niger");
        addresses.put("/organizer/participants/{id}", "/organizer/participants/" + participantId);
        addresses.put("/organizer/organizations", "/organizer/organizations?country=NE");
        addresses.put("/organizer/organizations/{id}", "/organizer/organizations/" + organizationId);
        addresses.put("/organizer/door-figures", "/organizer/door-figures?day=" + doorDay);
        addresses.put("/organizer/badges", "/organizer/badges?day=" + doorDay);
        addresses.put("/organizer/walk-ins", "/organizer/walk-ins");
        addresses.put("/organizer/programme", "/organizer/programme");
        addresses.put("/organizer/programme/new", "/organizer/programme/new");
        addresses.put("/organizer/programme/{id}/edit", "/organizer/programme/" + session + "/edit");
        // the set-up's applications were receipted by e-mail: the log has rows (the dead letters may be empty)
        addresses.put("/organizer/deliveries", "/organizer/deliveries?channel=EMAIL");
        addresses.put("/organizer/dead-letters", "/organizer/dead-letters");
        addresses.put("/organizer/audit", "/organizer/audit?edition=" + edition.edition);
        addresses.put("/organizer/incubation", "/organizer/incubation");
        addresses.put("/organizer/incubation/cohorts/{id}", "/organizer/incubation/cohorts/" + incubateeCohort);
        addresses.put("/organizer/incubation/incubatees/{id}", "/organizer/incubation/incubatees/" + incubatee);
        addresses.put("/organizer/messages", "/organizer/messages");
        addresses.put("/organizer/messages/sent", "/organizer/messages/sent");
        addresses.put("/organizer/messages/{id}", "/organizer/messages/" + message);
        addresses.put("/checkin", "/checkin?day=" + doorDay + "&door=A&q=Participant");
        assertThat(addresses.keySet()).containsExactlyElementsOf(PortalPages.WALKED.keySet());

        // what each of coordinator-bf's pages shows: an element (by id, "main" for the whole page) and a text in it
        Map<String, Map<String, String>> delegationShows = new LinkedHashMap<>();
        delegationShows.put("/coordinator", Map.of("main", "Burkina Faso", "participants", "Participant Burkina Faso"));
        delegationShows.put("/coordinator/participants", Map.of("main", "Participant Burkina Faso"));
        // the name is the page's heading, the facts below it
        delegationShows.put("/coordinator/participants/{id}", Map.of("main", "Participant Burkina Faso",
                "person", "participant-bf@", "organizations", startUpBfName));
        delegationShows.put("/coordinator/organizations", Map.of("main", startUpBfName));
        delegationShows.put("/coordinator/organizations/{id}", Map.of("organization", "Burkina Faso", "main", startUpBfName));
        delegationShows.put("/coordinator/door-figures", Map.of("checked-in", "1", "per-delegation", "Burkina Faso"));
        delegationShows.put("/coordinator/messages/sent", Map.of("message-" + message, "Burkina Faso"));
        delegationShows.put("/coordinator/messages/{id}", Map.of("audience", "Burkina Faso"));

        Map<String, String> users = Map.of("participant", "participant-ne", "jury", "jury-ml", "coach", "coach-ne",
                "coordinator", "coordinator-bf", "organizer", "organizer-ml", "organizer2", "organizer-bf", "staff", "staff-ml");
        List<String> faults = new ArrayList<>();
        for (String role : List.of("anonymous", "participant", "jury", "coach", "coordinator", "organizer", "organizer2", "staff")) {
            Browser browser = null;
            String signedInAs = null;
            try {
                List<Pass> passes = new ArrayList<>(PASSES);
                if (DESK_ROLES.contains(role)) {
                    passes.add(DESKTOP);
                }
                for (Pass pass : passes) {
                    // organizer-ml set the edition up and walks its pages twice within the same minute: another
                    // organizer walks in English, and a third at the desk (organizers all see the same pages), so
                    // that no one account meets the gateway's per-person limit
                    String user = !"organizer".equals(role) ? users.get(role)
                            : "en".equals(pass.language()) ? "organizer-bf"
                            : pass.equals(DESKTOP) ? "organizer-ne" : users.get(role);
                    if (browser == null || !Objects.equals(user, signedInAs)) {
                        if (browser != null) {
                            browser.close();
                        }
                        browser = Browser.withJavaScript();
                        if (user != null) {
                            browser.signIn(platform.gateway(""), user, "demo");
                        }
                        signedInAs = user;
                    }
                    Browser walking = browser;
                    long started = System.nanoTime();
                    walking.open(platform.gateway("/lang?to=" + pass.language()));
                    walking.driver().manage().window().setSize(new Dimension(pass.width(), 800));
                    PortalPages.WALKED.forEach((page, walker) -> {
                        if (walker.equals(role)) {
                            faults.addAll(check(walking, role, pass, addresses.get(page)));
                            if ("coordinator".equals(role)) {
                                faults.addAll(delegationFaults(walking, pass, addresses.get(page),
                                        delegationShows.getOrDefault(page, Map.of())));
                            }
                        }
                    });
                    System.out.printf("layout walk %s %s %d px: %d ms%n", role, pass.language(), pass.width(),
                            (System.nanoTime() - started) / 1_000_000);
                }
            } finally {
                if (browser != null) {
                    browser.close();
                }
            }
        }
        assertThat(faults).as("layout faults").isEmpty();
    }

    /**
     * The category shares the jury's comments: once the preselection is confirmed, the applicant who was not
     * preselected reads them on their application's page, numbered, without jurors' names or scores; another
     * applicant opening that page gets the not-found page and no comment.
     */
    @Test
    void an_applicant_reads_the_jury_comments_of_their_application_and_nobody_else_does() {
        // organizer-ne: organizer-ml has just walked every organizer page and set up an edition in the other test
        OrganizerEdition edition = new OrganizerEdition(platform, "organizer-ne").readyToPublish();
        String page = platform.gateway("/me/applications/" + edition.applications.get("BF"));

        try (Browser applicant = Browser.withoutJavaScript()) {
            applicant.signIn(platform.gateway(""), "participant-bf", "demo");
            applicant.open(page).waitForText("Avis du jury");
            String text = applicant.find(By.id("jury-feedback")).getText();
            assertThat(text).contains("Avis 1", "Avis 2", "Avis 3", "Impact", "Impact clair pour les ménages.", "Équipe complète.")
                    .doesNotContain("jury-ml", "jury-bf", "jury-ne", "Juré", "Note :");
            applicant.screenshot("participant-jury-feedback");
        }
        try (Browser other = Browser.withoutJavaScript()) {
            other.signIn(platform.gateway(""), "participant-ml", "demo");
            other.open(page).waitForText("Un problème est survenu");
            assertThat(other.pageText()).doesNotContain("Avis du jury", "Impact clair pour les ménages.");
        }
    }

    /** A session of the programme in the participant's agenda (organizer-bf makes it). */
    private String sessionInTheAgendaOf(String participant) {
        Platform.Response created = platform.postJson(platform.gateway("/api/registrations/programme/sessions"),
                platform.tokenOf("organizer-bf"), """
                {"titleFr":"Panel : l'IA au service de l'état civil","titleEn":"Panel: AI for civil registration",
                 "kind":"PANEL","room":"Salle des Banquets","startsAt":"2026-01-30T15:00","endsAt":"2026-01-30T16:30",
                 "speakers":[{"name":"Aminata Traoré","organization":"AGETIC"}],"capacity":120}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Platform.Response added = platform.postJson(platform.gateway("/api/registrations/programme/sessions/" + id + "/agenda"),
                platform.tokenOf(participant), "");
        assertThat(added.status()).as(added.body()).isBetween(200, 201);
        return id;
    }

    /**
     * A day of its own with participant-ne registered and checked in at door A by staff-ne (and participant-bf at
     * door B by staff-bf, for coordinator-bf's figures): the door's page then
     * shows a search result with a time and a door (organizer-bf opens it: organizer-ml is busy with the edition).
     */
    private LocalDate dayWithCheckIns() {
        LocalDate day = Days.ofItsOwn();
        String days = platform.gateway("/api/registrations/attendance/days/" + day);
        Platform.Response opened = platform.putJson(days, platform.tokenOf("organizer-bf"), "{\"capacity\": 10}");
        assertThat(opened.status()).as(opened.body()).isBetween(200, 201);
        Platform.Response registered = platform.postJson(days + "/registrations", platform.tokenOf("participant-ne"), "");
        assertThat(registered.status()).as(registered.body()).isBetween(200, 201);
        Platform.Response checkedIn = platform.postJson(days + "/check-ins", platform.tokenOf("staff-ne"),
                "{\"badgeCode\":\"" + registered.json().get("badgeCode").asString() + "\",\"door\":\"A\"}");
        assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
        // and participant-bf, checked in by Burkina Faso's desk: coordinator-bf's figures of the day
        Platform.Response registeredBf = platform.postJson(days + "/registrations", platform.tokenOf("participant-bf"), "");
        assertThat(registeredBf.status()).as(registeredBf.body()).isBetween(200, 201);
        Platform.Response checkedInBf = platform.postJson(days + "/check-ins", platform.tokenOf("staff-bf"),
                "{\"badgeCode\":\"" + registeredBf.json().get("badgeCode").asString() + "\",\"door\":\"B\"}");
        assertThat(checkedInBf.status()).as(checkedInBf.body()).isEqualTo(200);
        return day;
    }

    /**
     * What coordinator-bf's page (open in the browser) lacks of what it should show, and any person of another
     * delegation on it (the sent messages' list and a door's figures name delegations: no other one either).
     */
    private static List<String> delegationFaults(Browser browser, Pass pass, String address, Map<String, String> shows) {
        String where = "coordinator-bf " + pass.language() + " " + pass.width() + " px " + address;
        List<String> faults = new ArrayList<>();
        shows.forEach((element, text) -> {
            List<WebElement> found = browser.findAll(By.id(element));
            if (found.isEmpty()) {
                faults.add(where + ": no #" + element);
            } else if (!found.get(0).getText().contains(text)) {
                faults.add(where + ": #" + element + " does not show \"" + text + "\" but \"" + found.get(0).getText() + "\"");
            }
        });
        String text = browser.pageText();
        for (String other : OTHER_DELEGATIONS) {
            if (text.contains(other)) {
                faults.add(where + ": shows " + other + ", of another delegation");
            }
        }
        for (String list : List.of("sent", "per-delegation")) {
            for (WebElement element : browser.findAll(By.id(list))) {
                if (element.getText().contains("Niger") || element.getText().contains("Mali")) {
                    faults.add(where + ": #" + list + " names another delegation: " + element.getText());
                }
            }
        }
        return faults;
    }

    private List<String> check(Browser browser, String role, Pass pass, String address) {
        String where = role + " " + pass.language() + " " + pass.width() + " px " + address;
        browser.open(platform.gateway(address));
        browser.find(By.tagName("footer"));
        List<String> faults = new ArrayList<>();
        String text = browser.pageText();
        if (text.contains("Un problème est survenu") || text.contains("Something went wrong")) {
            faults.add(where + ": an error page instead of the page");
        }
        String language = browser.find(By.tagName("html")).getAttribute("lang");
        if (!pass.language().equals(language)) {
            faults.add(where + ": the page is in " + language);
        }
        if (WITH_ROWS.contains(address) && browser.findAll(By.cssSelector("table tbody tr")).isEmpty()) {
            faults.add(where + ": no row in its table, so its phone layout goes unchecked");
        }
        String cards = WITH_CARDS.entrySet().stream().filter(page -> address.startsWith(page.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (cards != null && browser.findAll(By.cssSelector(cards)).isEmpty()) {
            faults.add(where + ": no card on the page, so its phone layout goes unchecked");
        }
        Set<String> codes = new TreeSet<>();
        Matcher raw = RAW.matcher(text);
        while (raw.find()) {
            codes.add(raw.group());
        }
        if (!codes.isEmpty()) {
            faults.add(where + ": shows codes " + codes);
        }
        @SuppressWarnings("unchecked")
        List<Object> problems = (List<Object>) ((JavascriptExecutor) browser.driver()).executeScript(CHECK);
        for (Object problem : problems) {
            faults.add(where + ": " + problem);
        }
        if (!problems.isEmpty() || !codes.isEmpty()) {
            browser.screenshot("layout-" + pass.language() + "-" + pass.width() + "-" + role + address.replaceAll("[^A-Za-z0-9]+", "-"));
        }
        return faults;
    }
}
