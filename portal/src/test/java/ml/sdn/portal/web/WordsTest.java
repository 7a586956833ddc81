package ml.sdn.portal.web;

import ml.sdn.portal.participant.PageRendering;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTest {

    private final Words french = new Words(PageRendering.messages(), Locale.FRENCH);
    private final Words english = new Words(PageRendering.messages(), Locale.ENGLISH);

    @Test
    void countries_phases_statuses_sectors_and_categories_are_named_in_the_readers_language() {
        assertThat(french.countries(List.of("BF", "NE"))).isEqualTo("Burkina Faso, Niger");
        assertThat(french.phase("EVALUATION")).isEqualTo("Évaluation");
        assertThat(english.phase("SUBMISSION")).isEqualTo("Applications open");
        assertThat(french.status("SUBMITTED")).isEqualTo("Soumise");
        assertThat(french.sector("FINTECH")).isEqualTo("Finance numérique");
        assertThat(french.category("START_UP_CHALLENGE")).isEqualTo("Start-up Challenge");
        assertThat(english.category("PROJECT_CONTEST")).isEqualTo("Project contest");
    }

    @Test
    void consent_versions_and_dates_read_as_months_and_days() {
        assertThat(french.consentVersion("2026-01")).isEqualTo("janvier 2026");
        assertThat(english.consentVersion("2026-01")).isEqualTo("January 2026");
        assertThat(french.date(LocalDate.of(2027, 11, 18))).isEqualTo("18 novembre 2027");
        assertThat(french.date("2027-11-18")).isEqualTo("18 novembre 2027");
        assertThat(french.dateTime(Instant.parse("2027-11-18T14:30:00Z"))).isEqualTo("18 novembre 2027, 14:30");
    }

    @Test
    void phone_numbers_of_the_three_countries_read_in_pairs() {
        assertThat(Words.phone("+22790123456")).isEqualTo("+227 90 12 34 56");
        assertThat(Words.phone("+22365012345")).isEqualTo("+223 65 01 23 45");
        assertThat(Words.phone("+33612345678")).isEqualTo("+33612345678");
    }

    @Test
    void an_unknown_code_is_shown_as_it_is_rather_than_failing_the_page() {
        assertThat(french.country("XX")).isEqualTo("XX");
        assertThat(french.country("ZZZ")).isEqualTo("ZZZ");
        assertThat(french.countries(null)).isEmpty();
    }

    @Test
    void a_country_other_than_the_three_delegations_is_named_in_the_pages_language() {
        assertThat(french.country("SN")).isEqualTo("Sénégal");
        assertThat(french.country("ML")).isEqualTo("Mali");
    }
}
