package ml.sdn.registration.attendance;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Printable badges as PDF. A badge is A6 (105 × 148 mm): the size of the common badge pockets and
 * lanyard holders, and four of them tile an A4 sheet exactly for batch printing ({@link Layout}). The
 * same drawing serves a person's own badge and an organizer's batch. Plain Java: the caller gives the
 * words, already in the reader's language.
 * <p>
 * Text is set in the Standard 14 fonts (Helvetica, Courier), which every PDF reader has, so nothing is
 * embedded and the file stays small; they encode WinAnsi only (French accents included), so any other
 * character is replaced ({@link #printable}) rather than failing the whole badge.
 */
final class BadgePdf {

    /**
     * What the badge says, in the reader's language. {@code category} is printed in white on a band of
     * {@code colour} across the top of the card; without a category, no band.
     */
    record Content(String eventName, String eventDates, String name, String organization, String country,
                   String daysLabel, List<String> days, String code, String category, Color colour) {

        Content(String eventName, String eventDates, String name, String organization, String country,
                String daysLabel, List<String> days, String code) {
            this(eventName, eventDates, name, organization, country, daysLabel, days, code, null, null);
        }
    }

    private static final float MM = 72f / 25.4f;
    private static final float MARGIN = 8 * MM;
    private static final float QR_SIDE = 50 * MM;
    /** The category's band: tall enough for its word in large letters, read from across the door. */
    private static final float BAND = 10 * MM;
    /** One line per day up to this many (the week has three); beyond, one running list. */
    private static final int MAX_DAY_LINES = 3;
    /** Letters of West African languages (Bambara, Fulfulde, Songhay…) that WinAnsi lacks, by their nearest Latin spelling. */
    private static final Map<Integer, String> NEAREST = Map.of(
            (int) 'ɛ', "e", (int) 'Ɛ', "E", (int) 'ɔ', "o", (int) 'Ɔ', "O", (int) 'ɲ', "ny",
            (int) 'Ɲ', "Ny", (int) 'ŋ', "ng", (int) 'Ŋ', "Ng", (int) 'ɓ', "b", (int) 'ɗ', "d");

    private BadgePdf() {
    }

    /**
     * How badges are laid on paper. {@code SINGLE}: one A6 page per badge (a badge printer, or a pocket
     * that takes the page folded). {@code SHEET}: A4 pages, portrait, holding four A6 badges in two rows
     * of two — A6 is a quarter of A4 but for half a millimetre of height, so each badge sits centred in its
     * quarter, with a thin grey border round it to cut along.
     */
    enum Layout {
        SINGLE(PDRectangle.A6, 1, 1), SHEET(PDRectangle.A4, 2, 2);

        final PDRectangle paper;
        final int columns;
        final int rows;

        Layout(PDRectangle paper, int columns, int rows) {
            this.paper = paper;
            this.columns = columns;
            this.rows = rows;
        }

        int perPage() {
            return columns * rows;
        }

        /**
         * The areas (in points, origin bottom left) of one page's badges, each of the standard A6 size, in
         * reading order: left to right, top to bottom.
         */
        List<PDRectangle> slots() {
            float w = paper.getWidth() / columns;
            float h = paper.getHeight() / rows;
            float badgeWidth = Math.min(w, PDRectangle.A6.getWidth());
            float badgeHeight = Math.min(h, PDRectangle.A6.getHeight());
            List<PDRectangle> slots = new ArrayList<>();
            for (int row = 0; row < rows; row++) {
                for (int col = 0; col < columns; col++) {
                    slots.add(new PDRectangle(col * w + (w - badgeWidth) / 2,
                            paper.getHeight() - (row + 1) * h + (h - badgeHeight) / 2, badgeWidth, badgeHeight));
                }
            }
            return slots;
        }

        static Optional<Layout> named(String name) {
            return Arrays.stream(values()).filter(l -> l.name().equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
        }
    }

    /** One person's badge: a one-page A6 PDF. */
    static byte[] pdf(Content content) {
        return pdf(List.of(content), Layout.SINGLE, content.eventName() + " - " + content.name());
    }

    /** Several badges in one PDF, laid out as asked (an organizer's batch printing); at least one. */
    static byte[] pdf(List<Content> badges, Layout layout, String title) {
        if (badges.isEmpty()) {
            throw new IllegalArgumentException("No badge to print");
        }
        // fonts per document: a font object caches widths in plain maps, not to be shared between requests
        Fonts fonts = new Fonts(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD),
                new PDType1Font(Standard14Fonts.FontName.HELVETICA), new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD));
        List<PDRectangle> slots = layout.slots();
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(printable(title));
            for (int first = 0; first < badges.size(); first += layout.perPage()) {
                PDPage page = new PDPage(layout.paper);
                document.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                    for (int i = first; i < Math.min(badges.size(), first + layout.perPage()); i++) {
                        PDRectangle slot = slots.get(i - first);
                        draw(out, fonts, badges.get(i), slot);
                        if (layout != Layout.SINGLE) {
                            cutBorder(out, slot);
                        }
                    }
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Fonts(PDType1Font bold, PDType1Font regular, PDType1Font mono) {
    }

    /** Draws one badge into the area: the same card whether it fills an A6 page or a quarter of an A4 sheet. */
    private static void draw(PDPageContentStream out, Fonts fonts, Content content, PDRectangle area) throws IOException {
        float x = area.getLowerLeftX();
        float width = area.getWidth();
        float y = area.getUpperRightY() - MARGIN;
        if (content.category() != null && !content.category().isBlank()) {
            y = band(out, fonts.bold(), content.category(), content.colour(), area);
        }
        y = lines(out, fonts.bold(), 13, content.eventName(), x, width, y, 1);
        y = lines(out, fonts.regular(), 10, content.eventDates(), x, width, y, 1);
        y -= 4 * MM;
        y = lines(out, fonts.bold(), 18, content.name(), x, width, y, 2);
        if (content.organization() != null && !content.organization().isBlank()) {
            y = lines(out, fonts.regular(), 11, content.organization(), x, width, y, 2);
        }
        if (content.country() != null && !content.country().isBlank()) {
            y = lines(out, fonts.bold(), 12, content.country(), x, width, y, 1);
        }
        y -= 2 * MM;
        y = lines(out, fonts.regular(), 9, content.daysLabel(), x, width, y, 1);
        if (content.days().size() <= MAX_DAY_LINES) {
            for (String day : content.days()) {
                y = lines(out, fonts.bold(), 10, day, x, width, y, 1);
            }
        } else {
            // more days than the week's three: one running list, smaller, so that it stays above the QR code
            lines(out, fonts.bold(), 9, String.join(", ", content.days()), x, width, y, 5);
        }
        // the QR code and its code in text keep the bottom of the card, whatever the text above took
        float codeY = area.getLowerLeftY() + MARGIN;
        lines(out, fonts.mono(), 12, content.code(), x, width, codeY + 12, 1);
        qr(out, content.code(), x + (width - QR_SIDE) / 2, codeY + 16, QR_SIDE);
    }

    /** The category in white capitals on its colour, across the top of the card; returns where the text below starts. */
    private static float band(PDPageContentStream out, PDType1Font font, String category, Color colour, PDRectangle area)
            throws IOException {
        float top = area.getUpperRightY();
        out.saveGraphicsState();
        out.setNonStrokingColor(colour != null ? colour : Color.BLACK);
        out.addRect(area.getLowerLeftX(), top - BAND, area.getWidth(), BAND);
        out.fill();
        out.setNonStrokingColor(Color.WHITE);
        float size = 15;
        String word = wrap(font, size, category.toUpperCase(java.util.Locale.ROOT), area.getWidth() - 2 * MARGIN, 1).get(0);
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(area.getLowerLeftX() + (area.getWidth() - width(font, size, word)) / 2,
                top - BAND / 2 - size * 0.35f);
        out.showText(word);
        out.endText();
        out.restoreGraphicsState();
        return top - BAND - 3 * MM;
    }

    /** A thin light-grey border on the badge's edges: where to cut, and invisible once cut. */
    private static void cutBorder(PDPageContentStream out, PDRectangle area) throws IOException {
        out.saveGraphicsState();
        out.setStrokingColor(0.6f, 0.6f, 0.6f);
        out.setLineWidth(0.3f);
        out.addRect(area.getLowerLeftX(), area.getLowerLeftY(), area.getWidth(), area.getHeight());
        out.stroke();
        out.restoreGraphicsState();
    }

    /**
     * The text as the Standard 14 fonts can print it: WinAnsi characters as they are, a letter with a
     * diacritic WinAnsi lacks by its base letter ("Ş" → "S"), a few West African letters by their nearest
     * spelling, anything else "?". Line breaks and tabs become spaces.
     */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (encodable(cp)) {
                out.appendCodePoint(cp);
            } else if (NEAREST.containsKey(cp)) {
                out.append(NEAREST.get(cp));
            } else {
                String base = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "");
                out.append(!base.isEmpty() && base.codePoints().allMatch(BadgePdf::encodable) ? base : "?");
            }
        });
        return out.toString();
    }

    private static boolean encodable(int cp) {
        // the Standard 14 text fonts have a glyph for every character WinAnsi names
        return !Character.isISOControl(cp) && WinAnsiEncoding.INSTANCE.contains(GlyphList.getAdobeGlyphList().codePointToName(cp));
    }

    /** Splits the text into at most {@code max} lines that fit the card's width (the last one cut with "…"). */
    static List<String> wrap(PDType1Font font, float size, String text, float maxWidth, int max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable(text).strip().split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (line.isEmpty() || width(font, size, candidate) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        List<String> fitted = new ArrayList<>(lines.subList(0, Math.min(max, lines.size())));
        int last = fitted.size() - 1;
        String end = fitted.get(last);
        boolean cut = lines.size() > max || width(font, size, end) > maxWidth;
        if (cut) {
            while (!end.isEmpty() && width(font, size, end + "…") > maxWidth) {
                end = end.substring(0, end.length() - 1);
            }
            fitted.set(last, end.strip() + "…");
        }
        return fitted;
    }

    private static float width(PDType1Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Writes the text centred in the area {@code [x, x + areaWidth]}, from the baseline below {@code y}; returns the next line's top. */
    private static float lines(PDPageContentStream out, PDType1Font font, float size, String text, float x, float areaWidth,
                               float y, int max) throws IOException {
        float leading = size * 1.25f;
        for (String line : wrap(font, size, text, areaWidth - 2 * MARGIN, max)) {
            y -= leading;
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x + (areaWidth - width(font, size, line)) / 2, y + (leading - size));
            out.showText(line);
            out.endText();
        }
        return y;
    }

    /** The QR code drawn as vector squares: sharp at any printer's resolution, and a few hundred bytes. */
    private static void qr(PDPageContentStream out, String code, float x, float y, float side) throws IOException {
        BitMatrix matrix;
        try {
            // same error correction as the PNG badge; no margin in the matrix: the card's white is the quiet zone
            matrix = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a badge code as a QR code", e);
        }
        float module = side / matrix.getWidth();
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    out.addRect(x + col * module, y + side - (row + 1) * module, module, module);
                }
            }
        }
        out.fill();
    }
}
