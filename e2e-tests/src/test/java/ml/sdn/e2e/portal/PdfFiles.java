package ml.sdn.e2e.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Files a participant might pick for their application's PDF, written where the browser can read them. */
final class PdfFiles {

    private static final Path DIRECTORY = Path.of("target", "upload-files");

    private PdfFiles() {
    }

    /**
     * A real one-page PDF (catalogue, page tree, page, content stream, cross-reference table) of exactly
     * {@code size} bytes: the page's content stream carries a comment that pads it.
     */
    static Path real(String name, int size) {
        String text = "BT /F1 12 Tf 72 720 Td (Marche vert de Ouagadougou) Tj ET\n%";
        int padding = 0;
        byte[] pdf = pdf(text, padding);
        // the stream's /Length and the xref's offset gain digits as the padding grows: settle in a few steps
        for (int step = 0; step < 5 && pdf.length != size; step++) {
            padding += size - pdf.length;
            pdf = pdf(text, padding);
        }
        if (pdf.length != size) {
            throw new IllegalStateException("PDF of " + pdf.length + " bytes, " + size + " wanted");
        }
        return write(name, pdf);
    }

    /** A file named like a PDF that is not one (a photo of the form, say). */
    static Path notAPdf(String name) {
        byte[] jpeg = new byte[20_000];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        return write(name, jpeg);
    }

    private static byte[] pdf(String content, int padding) {
        String stream = content + "x".repeat(Math.max(0, padding)) + "\n";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "endstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        append(out, "%PDF-1.4\n");
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            append(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(offset -> table.append("%010d 00000 n \n".formatted(offset)));
        append(out, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void append(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static Path write(String name, byte[] bytes) {
        try {
            Files.createDirectories(DIRECTORY);
            return Files.write(DIRECTORY.resolve(name), bytes).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
