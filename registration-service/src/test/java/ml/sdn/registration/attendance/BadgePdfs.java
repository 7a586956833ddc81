package ml.sdn.registration.attendance;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads a printed badge back: its pages, its text, and the QR code on its rendered page, as a door scanner would. */
record BadgePdfs(int pages, float widthMm, float heightMm, String text, String qrCode) {

    static BadgePdfs read(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var box = document.getPage(0).getMediaBox();
            String text = new PDFTextStripper().getText(document);
            // 150 dpi: about what a phone camera sees of a printed badge held at arm's length
            String qr = QrCodes.decode(new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB));
            return new BadgePdfs(document.getNumberOfPages(), box.getWidth() * 25.4f / 72, box.getHeight() * 25.4f / 72,
                    text, qr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
