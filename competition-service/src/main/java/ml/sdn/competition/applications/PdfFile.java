package ml.sdn.competition.applications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What makes an uploaded file acceptable as the application's PDF: its bytes start with the PDF
 * signature {@code %PDF-} (the declared type and the name's extension prove nothing), and the name it
 * is kept under is a plain file name: no directories, no control or quoting characters, at most
 * {@link #MAX_NAME_LENGTH} characters, ending in {@code .pdf}.
 */
public final class PdfFile {

    /** 5 MiB. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    public static final int MAX_NAME_LENGTH = 100;
    static final String DEFAULT_NAME = "document.pdf";

    private static final byte[] SIGNATURE = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private PdfFile() {
    }

    public static boolean looksLikePdf(byte[] bytes) {
        if (bytes == null || bytes.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (bytes[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** The name to keep and send back for {@code original} (what the browser or client said), never empty. */
    public static String safeName(String original) {
        if (original == null) {
            return DEFAULT_NAME;
        }
        String name = Normalizer.normalize(original, Normalizer.Form.NFC);
        // the last path segment only: "C:\Users\awa\projet.pdf" or "../../etc/passwd" lose their directories
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || "\"<>:*?|;%".indexOf(c) >= 0 || Character.getType(c) == Character.FORMAT) {
                kept.append('_');
            } else if (Character.isWhitespace(c)) {
                kept.append(' ');
            } else {
                kept.appendCodePoint(c);
            }
        });
        name = kept.toString().replaceAll(" +", " ").strip();
        if (name.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            name = name.substring(0, name.length() - 4);
        }
        // no hidden files, no names made only of dots
        name = name.replaceFirst("^[.\\s_]+", "").strip();
        if (name.isBlank()) {
            return DEFAULT_NAME;
        }
        int room = MAX_NAME_LENGTH - 4;
        if (name.codePointCount(0, name.length()) > room) {
            name = name.substring(0, name.offsetByCodePoints(0, room)).strip();
        }
        return name + ".pdf";
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
