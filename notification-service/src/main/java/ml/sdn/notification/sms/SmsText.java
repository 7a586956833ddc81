package ml.sdn.notification.sms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text as short messages: in the GSM 03.38 default alphabet when every character of it is there (basic
 * table or extension table, no lossy substitution), otherwise in UCS-2 (French's ç, ê, î, ô, « » are not in
 * GSM 03.38: most French texts go as UCS-2). GSM text goes as septets, one per octet, with data_coding 0
 * (the SMSC packs them); UCS-2 as UTF-16BE with data_coding 8.
 *
 * <p>A text that fits one message goes alone: 160 septets (an extension character takes two) or 70 UTF-16
 * units. A longer one is cut into segments of 153 septets or 67 units, each with a concatenation header
 * (UDH, 8-bit reference: {@code 05 00 03 ref total seq}), never splitting an escape pair or a surrogate pair.
 * At most {@code maxSegments}: a longer text is cut short with an ellipsis, so a runaway template costs a
 * bounded amount and the person still reads its beginning.
 */
public final class SmsText {

    public enum Alphabet {
        GSM7(0x00, 160, 153), UCS2(0x08, 70, 67);

        private final byte dataCoding;
        private final int single;
        private final int perSegment;

        Alphabet(int dataCoding, int single, int perSegment) {
            this.dataCoding = (byte) dataCoding;
            this.single = single;
            this.perSegment = perSegment;
        }

        public byte dataCoding() {
            return dataCoding;
        }
    }

    /**
     * The text as it will be submitted: {@code text} (possibly cut short), its alphabet, and one user data
     * per submit_sm; {@code concatenated}: each starts with a UDH (esm_class UDHI).
     */
    public record Encoded(String text, Alphabet alphabet, List<byte[]> segments, boolean concatenated) {
    }

    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENDED = "\f^{}\\[~]|€";
    private static final byte[] EXTENDED_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};
    private static final byte ESCAPE = 0x1B;

    private SmsText() {
    }

    /** Whether every character is in the GSM 03.38 default alphabet (basic or extension table). */
    public static boolean fitsGsm(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE || (BASIC.indexOf(c) < 0 && EXTENDED.indexOf(c) < 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param reference the concatenation reference (0-255), the same on every attempt at this message so
     *                  that a handset puts a resent segment in its place
     */
    public static Encoded encode(String text, int maxSegments, int reference) {
        if (maxSegments < 1 || maxSegments > 255) {
            throw new IllegalArgumentException("maxSegments must be within 1..255, was " + maxSegments);
        }
        Alphabet alphabet = fitsGsm(text) ? Alphabet.GSM7 : Alphabet.UCS2;
        List<String> units = units(text, alphabet);
        if (length(units, alphabet) <= alphabet.single) {
            return new Encoded(text, alphabet, List.of(bytes(String.join("", units), alphabet)), false);
        }
        List<String> parts = split(units, alphabet, alphabet.perSegment);
        if (parts.size() > maxSegments) {
            String ellipsis = alphabet == Alphabet.GSM7 ? "..." : "…";
            List<String> kept = cut(units, alphabet, maxSegments * alphabet.perSegment - width(ellipsis, alphabet));
            kept.add(ellipsis);
            units = kept;
            parts = split(units, alphabet, alphabet.perSegment);
        }
        List<byte[]> segments = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            byte[] body = bytes(parts.get(i), alphabet);
            byte[] segment = new byte[6 + body.length];
            segment[0] = 0x05;
            segment[1] = 0x00;
            segment[2] = 0x03;
            segment[3] = (byte) reference;
            segment[4] = (byte) parts.size();
            segment[5] = (byte) (i + 1);
            System.arraycopy(body, 0, segment, 6, body.length);
            segments.add(segment);
        }
        return new Encoded(String.join("", units), alphabet, List.copyOf(segments), true);
    }

    /** Characters that must stay together: a surrogate pair in UCS-2; one char otherwise. */
    private static List<String> units(String text, Alphabet alphabet) {
        List<String> units = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); ) {
            int next = alphabet == Alphabet.UCS2 && Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                    ? i + 2 : i + 1;
            units.add(text.substring(i, next));
            i = next;
        }
        return units;
    }

    private static int width(String unit, Alphabet alphabet) {
        if (alphabet == Alphabet.UCS2) {
            return unit.length();
        }
        int width = 0;
        for (char c : unit.toCharArray()) {
            width += EXTENDED.indexOf(c) >= 0 ? 2 : 1;
        }
        return width;
    }

    private static int length(List<String> units, Alphabet alphabet) {
        return units.stream().mapToInt(unit -> width(unit, alphabet)).sum();
    }

    private static List<String> split(List<String> units, Alphabet alphabet, int capacity) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int used = 0;
        for (String unit : units) {
            int width = width(unit, alphabet);
            if (used + width > capacity) {
                parts.add(part.toString());
                part.setLength(0);
                used = 0;
            }
            part.append(unit);
            used += width;
        }
        if (!part.isEmpty()) {
            parts.add(part.toString());
        }
        return parts;
    }

    /** The first units that fit {@code capacity} once split, each segment filled as {@link #split} fills it. */
    private static List<String> cut(List<String> units, Alphabet alphabet, int capacity) {
        List<String> kept = new ArrayList<>();
        int used = 0;
        int inSegment = 0;
        for (String unit : units) {
            int width = width(unit, alphabet);
            boolean nextSegment = inSegment + width > alphabet.perSegment;
            int wasted = nextSegment ? alphabet.perSegment - inSegment : 0;
            if (used + wasted + width > capacity) {
                break;
            }
            used += wasted + width;
            inSegment = nextSegment ? width : inSegment + width;
            kept.add(unit);
        }
        return kept;
    }

    private static byte[] bytes(String text, Alphabet alphabet) {
        if (alphabet == Alphabet.UCS2) {
            return text.getBytes(StandardCharsets.UTF_16BE);
        }
        byte[] septets = new byte[width(text, alphabet)];
        int i = 0;
        for (char c : text.toCharArray()) {
            int basic = BASIC.indexOf(c);
            if (basic >= 0) {
                septets[i++] = (byte) basic;
            } else {
                septets[i++] = ESCAPE;
                septets[i++] = EXTENDED_CODES[EXTENDED.indexOf(c)];
            }
        }
        return septets;
    }
}
