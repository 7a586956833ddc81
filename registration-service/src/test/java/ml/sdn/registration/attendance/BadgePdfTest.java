package ml.sdn.registration.attendance;

import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BadgePdfTest {

    private static final BadgeWords.Event WEEK = new BadgeWords.Event("Semaine du Numérique",
            LocalDate.of(2026, 1, 29), LocalDate.of(2026, 1, 31));
    private static final String CODE = "K7QM-4TZP-9XRD-HB3W";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Aminata Traoré|Aminata Traoré",
            "Niamey, Ségou, Tombouctou|Niamey, Ségou, Tombouctou",
            "Ouagadougou — « Ça été » à l'œuvre|Ouagadougou — « Ça été » à l'œuvre",
            "Şahin Ğökçe|Sahin Gökçe",
            "Kɔnɛ Ɲɛna Ŋoni|Kone Nyena Ngoni",
            "李 Wei|? Wei",
            "Awa 🙂|Awa ?",
    })
    void prints_what_winansi_has_and_replaces_the_rest(String given, String printed) {
        assertThat(BadgePdf.printable(given)).isEqualTo(printed);
    }

    @Test
    void a_line_break_or_a_control_character_is_not_printed_as_it_is() {
        assertThat(BadgePdf.printable("Awa\nDiallo\u0007")).isEqualTo("Awa Diallo?");
    }

    @Test
    void a_name_too_long_for_the_card_takes_two_lines_and_is_cut_with_an_ellipsis() throws IOException {
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        String name = "Fatoumata Binta Oumou Kalsoum Aïssata Mariam Diarra Traoré Coulibaly Keïta";

        List<String> lines = BadgePdf.wrap(bold, 18, name, 250, 2);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("Fatoumata");
        assertThat(lines.get(1)).endsWith("…");
        for (String line : lines) {
            assertThat(bold.getStringWidth(line) / 1000 * 18).isLessThanOrEqualTo(250);
        }
    }

    @Test
    void a_short_text_is_one_line_as_it_is() throws IOException {
        assertThat(BadgePdf.wrap(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11, "Mali", 250, 2))
                .containsExactly("Mali");
    }

    @Test
    void the_holder_is_in_french_words_by_default() {
        Attendances.BadgeHolder holder = new Attendances.BadgeHolder("Aminata Traoré", "Niamey Tech", "NE",
                List.of(LocalDate.of(2026, 1, 29), LocalDate.of(2026, 1, 31)), CODE);

        BadgePdf.Content content = BadgeWords.of(holder, WEEK, Locale.FRENCH, "Jours confirmés");

        assertThat(content.country()).isEqualTo("Niger");
        assertThat(content.days()).containsExactly("jeudi 29 janvier 2026", "samedi 31 janvier 2026");
        assertThat(content.eventDates()).isEqualTo("29–31 janvier 2026");
    }

    @Test
    void the_holder_is_in_english_words_when_asked() {
        Attendances.BadgeHolder holder = new Attendances.BadgeHolder("Ibrahim Ouédraogo", null, "BF",
                List.of(LocalDate.of(2026, 1, 30)), CODE);

        BadgePdf.Content content = BadgeWords.of(holder, WEEK, Locale.forLanguageTag("en-GB"), "Confirmed days");

        assertThat(content.country()).isEqualTo("Burkina Faso");
        assertThat(content.days()).containsExactly("Friday 30 January 2026");
        assertThat(content.eventDates()).isEqualTo("29–31 January 2026");
    }

    @Test
    void another_language_gets_french_and_an_unknown_country_code_stays_readable() {
        assertThat(BadgeWords.language(Locale.GERMAN)).isEqualTo(Locale.FRENCH);
        assertThat(BadgeWords.country("ML", Locale.FRENCH)).isEqualTo("Mali");
        assertThat(BadgeWords.country("not a code", Locale.FRENCH)).isEqualTo("not a code");
        assertThat(BadgeWords.country(null, Locale.FRENCH)).isNull();
    }

    @Test
    void dates_across_months_or_years_are_written_out() {
        assertThat(BadgeWords.dates(LocalDate.of(2026, 1, 30), LocalDate.of(2026, 2, 2), Locale.FRENCH))
                .isEqualTo("30 janvier – 2 février 2026");
        assertThat(BadgeWords.dates(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1), Locale.ENGLISH))
                .isEqualTo("31 December 2026 – 1 January 2027");
        assertThat(BadgeWords.dates(LocalDate.of(2026, 1, 29), LocalDate.of(2026, 1, 29), Locale.FRENCH))
                .isEqualTo("29 janvier 2026");
    }

    @Test
    void the_badge_is_one_a6_page_with_the_words_and_a_qr_code_of_the_badge_code() {
        BadgePdf.Content content = new BadgePdf.Content("Semaine du Numérique", "29–31 janvier 2026",
                "Aminata Traoré", "Niamey Tech, Ségou Lab", "Niger", "Jours confirmés",
                List.of("jeudi 29 janvier 2026", "vendredi 30 janvier 2026", "samedi 31 janvier 2026"), CODE);

        BadgePdfs badge = BadgePdfs.read(BadgePdf.pdf(content));

        assertThat(badge.pages()).isEqualTo(1);
        assertThat(badge.widthMm()).isCloseTo(105, within(0.5f));
        assertThat(badge.heightMm()).isCloseTo(148, within(0.5f));
        assertThat(badge.text()).contains("Semaine du Numérique", "29–31 janvier 2026", "Aminata Traoré",
                "Niamey Tech, Ségou Lab", "Niger", "Jours confirmés", "jeudi 29 janvier 2026",
                "samedi 31 janvier 2026", CODE);
        assertThat(badge.qrCode()).isEqualTo(CODE);
    }

    @Test
    void characters_the_font_lacks_do_not_break_the_badge() {
        BadgePdf.Content content = new BadgePdf.Content("Semaine du Numérique", "29–31 janvier 2026",
                "Kɔnɛ 李 Şahin 🙂", "Ŋoni\tLab", null, "Jours confirmés", List.of("jeudi 29 janvier 2026"), CODE);

        BadgePdfs badge = BadgePdfs.read(BadgePdf.pdf(content));

        assertThat(badge.text()).contains("Kone ? Sahin ?", "Ngoni Lab", CODE);
        assertThat(badge.qrCode()).isEqualTo(CODE);
    }

    @Test
    void more_days_than_the_week_become_one_list_and_the_qr_code_still_reads() {
        List<String> days = java.util.stream.IntStream.rangeClosed(1, 9)
                .mapToObj(d -> "vendredi " + d + " janvier 2026").toList();
        BadgePdf.Content content = new BadgePdf.Content("Semaine du Numérique", "29–31 janvier 2026",
                "Fatoumata Binta Oumou Kalsoum Aïssata Mariam Diarra Traoré", "Bamako Digital Hub, Ségou Lab, Kayes Tech",
                "Mali", "Jours confirmés", days, CODE);

        BadgePdfs badge = BadgePdfs.read(BadgePdf.pdf(content));

        assertThat(badge.text()).contains("vendredi 1 janvier 2026, vendredi 2 janvier 2026", CODE);
        assertThat(badge.qrCode()).isEqualTo(CODE);
    }

    @Test
    void the_category_is_printed_in_words_on_a_band_of_its_colour_across_the_top() throws IOException {
        Attendances.BadgeHolder holder = new Attendances.BadgeHolder("Awa Traoré", "Bamako Lab", "ML",
                List.of(LocalDate.of(2026, 1, 29)), CODE, AttendeeCategory.SPEAKER);
        byte[] pdf = BadgePdf.pdf(BadgeWords.of(holder, WEEK, Locale.FRENCH, "Jours confirmés", "Intervenant"));

        BadgePdfs badge = BadgePdfs.read(pdf);
        assertThat(badge.text()).contains("INTERVENANT", "Awa Traoré", "Mali", CODE);
        assertThat(badge.qrCode()).isEqualTo(CODE);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 72);
            // near the band's left end, clear of the word: the speaker's orange
            assertThat(new java.awt.Color(page.getRGB(5, 5))).isEqualTo(AttendeeCategory.SPEAKER.colour());
        }
    }

    @Test
    void a_badge_without_a_category_has_no_band() throws IOException {
        BadgePdf.Content content = new BadgePdf.Content("Semaine du Numérique", "29–31 janvier 2026", "Awa", null, "Mali",
                "Jours confirmés", List.of("jeudi 29 janvier 2026"), CODE);
        try (var document = org.apache.pdfbox.Loader.loadPDF(BadgePdf.pdf(content))) {
            java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 72);
            assertThat(new java.awt.Color(page.getRGB(5, 5))).isEqualTo(java.awt.Color.WHITE);
        }
    }
}
