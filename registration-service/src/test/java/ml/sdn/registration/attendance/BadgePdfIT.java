package ml.sdn.registration.attendance;

import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The printable badge, read back as a person and a door would: its words, and its QR code scanned from the rendered page. */
class BadgePdfIT extends AttendanceIT {

    private static final String BADGE_PDF = ME + "/badge.pdf";

    private static String inWords(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(day);
    }

    @Test
    void a_confirmed_attendee_downloads_their_badge_in_french_and_its_qr_code_scans_to_their_badge_code() {
        LocalDate day = openDay(5);
        String name = unique("Aminata-Traoré");
        String token = participant(name, "NE");
        String code = register(token, day).json().get("badgeCode").asString();

        ServiceApi.Response response = api().get(BADGE_PDF, token, "Accept-Language", "fr");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/pdf");
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.header("Content-Disposition")).startsWith("attachment").contains("badge");
        BadgePdfs badge = BadgePdfs.read(response.bytes());
        assertThat(badge.pages()).isEqualTo(1);
        assertThat(badge.text()).contains(name, "Niger", inWords(day, Locale.FRENCH), "Jours confirmés",
                "Semaine du Numérique", "29–31 janvier 2026", code);
        assertThat(badge.qrCode()).isEqualTo(code);
    }

    @Test
    void the_badge_is_in_english_when_asked_and_lists_only_the_confirmed_days() {
        LocalDate first = openDay(5);
        LocalDate full = openDay(1);
        LocalDate cancelled = openDay(5);
        String token = participant("BF");
        String code = register(token, first).json().get("badgeCode").asString();
        register(participant("ML"), full);
        register(token, full); // waiting only: no place that day
        register(token, cancelled);
        cancel(token, cancelled);

        BadgePdfs badge = BadgePdfs.read(api().get(BADGE_PDF, token, "Accept-Language", "en").bytes());

        assertThat(badge.text()).contains("Burkina Faso", "Confirmed days", inWords(first, Locale.ENGLISH),
                "29–31 January 2026", code);
        assertThat(badge.text()).doesNotContain(inWords(full, Locale.ENGLISH), inWords(cancelled, Locale.ENGLISH));
        assertThat(badge.qrCode()).isEqualTo(code);
    }

    @Test
    void someone_without_a_confirmed_day_gets_a_problem_saying_the_badge_comes_with_a_confirmed_place() {
        LocalDate day = openDay(1);
        register(participant("ML"), day);
        String waiting = participant("BF");
        register(waiting, day);

        ServiceApi.Response french = api().get(BADGE_PDF, waiting, "Accept-Language", "fr");
        ServiceApi.Response english = api().get(BADGE_PDF, participant("NE"), "Accept-Language", "en", "Accept", "application/pdf");

        assertThat(french.status()).isEqualTo(404);
        assertThat(french.contentType()).startsWith("application/problem+json");
        assertThat(french.json().get("detail").asString()).contains("badge", "place confirmée");
        assertThat(english.status()).isEqualTo(404);
        assertThat(english.contentType()).startsWith("application/problem+json");
    }

    @Test
    void nobody_signed_in_or_with_a_forged_token_gets_a_badge() {
        assertThat(api().get(BADGE_PDF, null).status()).isEqualTo(401);
        assertThat(api().get(BADGE_PDF, ISSUER.tokenSignedByOtherKey(unique("forger"), "ML", "participant")).status())
                .isEqualTo(401);
    }

    @Test
    void naming_another_person_gets_the_callers_own_badge_or_nothing_never_theirs() {
        LocalDate day = openDay(5);
        String victim = unique("victim");
        String victimCode = register(participant(victim, "ML"), day).json().get("badgeCode").asString();
        String victimId = TestIssuer.subjectOf(victim);
        String attacker = participant("BF");
        String attackerCode = register(attacker, day).json().get("badgeCode").asString();

        BadgePdfs own = BadgePdfs.read(api().get(BADGE_PDF + "?participantId=" + victimId + "&badgeCode=" + victimCode,
                attacker).bytes());
        ServiceApi.Response byId = api().get(BASE + "/" + victimId + "/badge.pdf", attacker);
        ServiceApi.Response withoutPlace = api().get(BADGE_PDF + "?participantId=" + victimId, participant("NE"));

        assertThat(own.qrCode()).isEqualTo(attackerCode);
        assertThat(own.text()).doesNotContain(victim, victimCode);
        assertThat(byId.status()).isIn(403, 404);
        assertThat(withoutPlace.status()).isEqualTo(404);
    }
}
