package ml.sdn.registration.attendance;

import ml.sdn.testing.ServiceApi;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An organizer's batch of badges for a day, read back with PDFBox; and who may print which, from the attacker's side. */
class BadgeBatchIT extends AttendanceIT {

    private static String badges(LocalDate day) {
        return DAYS + "/" + day + "/badges.pdf";
    }

    private static String coordinator(String delegation) {
        return ISSUER.tokenWithDelegation(unique("coordinator"), "ML", delegation, "coordinator");
    }

    private record Pdf(int pages, float widthPt, String text) {
        static Pdf read(byte[] bytes) throws IOException {
            try (PDDocument document = Loader.loadPDF(bytes)) {
                return new Pdf(document.getNumberOfPages(), document.getPage(0).getMediaBox().getWidth(),
                        new PDFTextStripper().getText(document));
            }
        }
    }

    @Test
    void an_organizer_gets_the_days_confirmed_badges_on_a4_sheets_or_one_per_page_with_every_name() throws IOException {
        LocalDate day = openDay(10);
        String malian = unique("Aminata");
        String burkinabe = unique("Ibrahim");
        String nigerien = unique("Moussa");
        String cancelled = unique("Parti");
        String codeMl = register(participant(malian, "ML"), day).json().get("badgeCode").asString();
        register(participant(burkinabe, "BF"), day);
        register(participant(nigerien, "NE"), day);
        String gone = participant(cancelled, "ML");
        register(gone, day);
        cancel(gone, day);

        ServiceApi.Response sheet = api().get(badges(day), organizer(), "Accept-Language", "fr");
        ServiceApi.Response single = api().get(badges(day) + "?layout=single", organizer(), "Accept-Language", "en");
        ServiceApi.Response mali = api().get(badges(day) + "?country=ML&layout=sheet", organizer());

        assertThat(sheet.status()).as(sheet.body()).isEqualTo(200);
        assertThat(sheet.contentType()).isEqualTo("application/pdf");
        assertThat(sheet.header("Cache-Control")).contains("no-store");
        assertThat(sheet.header("Content-Disposition")).startsWith("attachment").contains("badges-" + day);
        Pdf a4 = Pdf.read(sheet.bytes());
        assertThat(a4.pages()).isEqualTo(1);
        assertThat(a4.widthPt()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
        assertThat(a4.text()).contains(malian, burkinabe, nigerien, "Mali", "Burkina Faso", "Niger", "Semaine du Numérique",
                "Jours confirmés", codeMl).doesNotContain(cancelled);

        Pdf a6 = Pdf.read(single.bytes());
        assertThat(a6.pages()).isEqualTo(3);
        assertThat(a6.text()).contains(malian, burkinabe, nigerien, "Confirmed days");

        Pdf ml = Pdf.read(mali.bytes());
        assertThat(ml.text()).contains(malian, codeMl).doesNotContain(burkinabe, nigerien);
    }

    @Test
    void a_coordinator_prints_their_own_delegation_and_is_refused_another_one() throws IOException {
        LocalDate day = openDay(10);
        String burkinabe = unique("Awa");
        register(participant(burkinabe, "BF"), day);
        String malian = unique("Oumar");
        register(participant(malian, "ML"), day);

        ServiceApi.Response own = api().get(badges(day), coordinator("BF"));
        ServiceApi.Response ownNamed = api().get(badges(day) + "?country=BF", coordinator("BF"));
        ServiceApi.Response other = api().get(badges(day) + "?country=ML", coordinator("BF"));
        ServiceApi.Response noDelegation = api().get(badges(day), coordinator(null));

        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(Pdf.read(own.bytes()).text()).contains(burkinabe).doesNotContain(malian);
        assertThat(Pdf.read(ownNamed.bytes()).text()).contains(burkinabe).doesNotContain(malian);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("errors").findValuesAsString("field")).containsExactly("country");
        assertThat(other.body()).doesNotContain(malian);
        assertThat(noDelegation.status()).isEqualTo(403);
    }

    @Test
    void participants_and_door_staff_get_403_and_strangers_401() {
        LocalDate day = openDay(5);
        register(participant("ML"), day);
        for (String role : List.of("participant", "staff", "jury")) {
            ServiceApi.Response refused = api().get(badges(day), ISSUER.token(unique(role), "ML", role));
            assertThat(refused.status()).as(role).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(api().get(badges(day), null).status()).isEqualTo(401);
    }

    @Test
    void bad_parameters_are_400_naming_every_field_at_once() {
        LocalDate day = openDay(5);
        register(participant("ML"), day);

        ServiceApi.Response both = api().get(badges(day) + "?country=FR&layout=poster", organizer());
        ServiceApi.Response date = api().get(DAYS + "/2026-02-30/badges.pdf", organizer());

        assertThat(both.status()).isEqualTo(400);
        assertThat(both.contentType()).startsWith("application/problem+json");
        assertThat(both.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("country", "layout");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.json().get("errors").findValuesAsString("field")).containsExactly("date");
    }

    @Test
    void an_unopened_day_is_a_404_naming_the_date_and_a_day_without_anyone_a_404_not_an_empty_pdf() {
        LocalDate empty = openDay(5);
        LocalDate waitingOnly = openDay(1);
        register(participant("ML"), waitingOnly);

        ServiceApi.Response unopened = api().get(badges(freshDay()), organizer());
        ServiceApi.Response nobody = api().get(badges(empty), organizer(), "Accept-Language", "fr");
        ServiceApi.Response noneInDelegation = api().get(badges(waitingOnly) + "?country=NE", organizer());

        assertThat(unopened.status()).isEqualTo(404);
        assertThat(unopened.contentType()).startsWith("application/problem+json");
        assertThat(unopened.json().get("errors").findValuesAsString("field")).containsExactly("date");
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.contentType()).startsWith("application/problem+json");
        assertThat(nobody.json().get("detail").asString()).contains("aucun badge");
        assertThat(noneInDelegation.status()).isEqualTo(404);
    }
}
