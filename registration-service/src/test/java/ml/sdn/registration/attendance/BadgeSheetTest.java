package ml.sdn.registration.attendance;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Batch printing: how many pages N badges take, and that each badge stays in its own quarter of the sheet. */
class BadgeSheetTest {

    private static final float MM = 72f / 25.4f;
    private static final String[] CODES = {"K7QM-4TZP-9XRD-HB3W", "A2BC-3DEF-4GHJ-5KLM", "N6PQ-7RST-8UVW-9XYZ",
            "B3CD-4EFG-5HJK-6LMN", "P7QR-8STU-9VWX-2YZA"};

    private static BadgePdf.Content badge(int i) {
        return new BadgePdf.Content("Semaine du Numérique", "29–31 janvier 2026", "Personne " + i, "Organisation " + i,
                "Mali", "Jours confirmés", List.of("jeudi 29 janvier 2026"), CODES[i % CODES.length]);
    }

    private static List<BadgePdf.Content> badges(int n) {
        return IntStream.range(0, n).mapToObj(BadgeSheetTest::badge).toList();
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "4, 1, 4", "5, 2, 5", "9, 3, 9"})
    void n_badges_take_a_quarter_of_an_a4_sheet_each_or_one_a6_page_each(int n, int sheets, int singles) throws IOException {
        try (PDDocument sheet = Loader.loadPDF(BadgePdf.pdf(badges(n), BadgePdf.Layout.SHEET, "t"));
             PDDocument single = Loader.loadPDF(BadgePdf.pdf(badges(n), BadgePdf.Layout.SINGLE, "t"))) {
            assertThat(sheet.getNumberOfPages()).isEqualTo(sheets);
            assertThat(single.getNumberOfPages()).isEqualTo(singles);
            assertThat(sheet.getPage(0).getMediaBox().getWidth() / MM).isCloseTo(210, within(0.5f));
            assertThat(sheet.getPage(0).getMediaBox().getHeight() / MM).isCloseTo(297, within(0.5f));
            assertThat(single.getPage(0).getMediaBox().getWidth() / MM).isCloseTo(105, within(0.5f));
            String text = new PDFTextStripper().getText(sheet);
            for (int i = 0; i < n; i++) {
                assertThat(text).contains("Personne " + i + "\n");
            }
        }
    }

    @Test
    void the_four_places_of_a_sheet_are_standard_a6_badges_on_the_page_without_overlap() {
        List<PDRectangle> slots = BadgePdf.Layout.SHEET.slots();

        assertThat(slots).hasSize(4);
        for (PDRectangle slot : slots) {
            assertThat(slot.getWidth()).isCloseTo(PDRectangle.A6.getWidth(), within(0.5f));
            assertThat(slot.getHeight()).isCloseTo(PDRectangle.A6.getHeight(), within(0.5f));
            assertThat(slot.getLowerLeftX()).isGreaterThanOrEqualTo(0);
            assertThat(slot.getLowerLeftY()).isGreaterThanOrEqualTo(0);
            assertThat(slot.getUpperRightX()).isLessThanOrEqualTo(PDRectangle.A4.getWidth() + 0.01f);
            assertThat(slot.getUpperRightY()).isLessThanOrEqualTo(PDRectangle.A4.getHeight() + 0.01f);
        }
        for (int i = 0; i < slots.size(); i++) {
            for (int j = i + 1; j < slots.size(); j++) {
                PDRectangle a = slots.get(i);
                PDRectangle b = slots.get(j);
                boolean apart = a.getUpperRightX() <= b.getLowerLeftX() + 0.01f || b.getUpperRightX() <= a.getLowerLeftX() + 0.01f
                        || a.getUpperRightY() <= b.getLowerLeftY() + 0.01f || b.getUpperRightY() <= a.getLowerLeftY() + 0.01f;
                assertThat(apart).as("badges %d and %d do not overlap", i, j).isTrue();
            }
        }
    }

    @Test
    void each_badge_of_a_sheet_has_its_words_and_its_readable_qr_code_inside_its_own_quarter() throws IOException {
        try (PDDocument sheet = Loader.loadPDF(BadgePdf.pdf(badges(4), BadgePdf.Layout.SHEET, "t"))) {
            float height = sheet.getPage(0).getMediaBox().getHeight();
            BufferedImage page = new PDFRenderer(sheet).renderImageWithDPI(0, 150, ImageType.RGB);
            float scale = 150f / 72f;
            List<PDRectangle> slots = BadgePdf.Layout.SHEET.slots();
            for (int i = 0; i < 4; i++) {
                PDRectangle slot = slots.get(i);
                // the text stripper's and the image's origin is the top left corner
                float top = height - slot.getUpperRightY();
                PDFTextStripperByArea area = new PDFTextStripperByArea();
                area.addRegion("badge", new Rectangle2D.Float(slot.getLowerLeftX(), top, slot.getWidth(), slot.getHeight()));
                area.extractRegions(sheet.getPage(0));
                assertThat(area.getTextForRegion("badge"))
                        .contains("Personne " + i, "Organisation " + i, "Semaine du Numérique", CODES[i])
                        .doesNotContain("Personne " + (i + 1) % 4);
                BufferedImage quarter = page.getSubimage(Math.round(slot.getLowerLeftX() * scale), Math.round(top * scale),
                        Math.round(slot.getWidth() * scale) - 1, Math.round(slot.getHeight() * scale) - 1);
                assertThat(QrCodes.decode(quarter)).isEqualTo(CODES[i]);
            }
        }
    }

    @Test
    void layouts_are_named_sheet_and_single_and_nothing_else() {
        assertThat(BadgePdf.Layout.named("sheet")).contains(BadgePdf.Layout.SHEET);
        assertThat(BadgePdf.Layout.named(" SINGLE ")).contains(BadgePdf.Layout.SINGLE);
        assertThat(BadgePdf.Layout.named("poster")).isEmpty();
        assertThat(BadgePdf.Layout.named(null)).isEmpty();
    }

    @Test
    void no_badge_is_no_pdf() {
        assertThatThrownBy(() -> BadgePdf.pdf(List.of(), BadgePdf.Layout.SHEET, "t")).isInstanceOf(IllegalArgumentException.class);
    }
}
