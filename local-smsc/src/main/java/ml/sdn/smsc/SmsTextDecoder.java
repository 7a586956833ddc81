package ml.sdn.smsc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The receiving side of what an ESME submits: the user data header (concatenation) and the text, decoded
 * from the SMSC default alphabet (GSM 03.38 septets, one per octet, data_coding 0), UCS-2 (data_coding 8)
 * or Latin-1. Written independently of notification-service's encoder, as a real SMSC is, so that the
 * tests of one check the other.
 */
public final class SmsTextDecoder {

    /** One submitted short message: its text, and its place in a concatenated message (ref 0, 1 of 1 when alone). */
    public record Part(int reference, int total, int sequence, String text) {
    }

    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final char[] EXTENSION = new char[128];

    static {
        Arrays.fill(EXTENSION, '\u0000');
        EXTENSION[0x0A] = '\f';
        EXTENSION[0x14] = '^';
        EXTENSION[0x28] = '{';
        EXTENSION[0x29] = '}';
        EXTENSION[0x2F] = '\\';
        EXTENSION[0x3C] = '[';
        EXTENSION[0x3D] = '~';
        EXTENSION[0x3E] = ']';
        EXTENSION[0x40] = '|';
        EXTENSION[0x65] = '€';
    }

    private SmsTextDecoder() {
    }

    /** @param udhi whether the message starts with a user data header (esm_class bit 0x40) */
    public static Part decode(byte[] message, byte dataCoding, boolean udhi) {
        int reference = 0;
        int total = 1;
        int sequence = 1;
        int start = 0;
        if (udhi && message.length > 0) {
            int headerLength = message[0] & 0xFF;
            int i = 1;
            while (i + 1 < 1 + headerLength) {
                int iei = message[i] & 0xFF;
                int length = message[i + 1] & 0xFF;
                if (iei == 0x00 && length == 3) {
                    reference = message[i + 2] & 0xFF;
                    total = message[i + 3] & 0xFF;
                    sequence = message[i + 4] & 0xFF;
                } else if (iei == 0x08 && length == 4) {
                    reference = ((message[i + 2] & 0xFF) << 8) | (message[i + 3] & 0xFF);
                    total = message[i + 4] & 0xFF;
                    sequence = message[i + 5] & 0xFF;
                }
                i += 2 + length;
            }
            start = 1 + headerLength;
        }
        byte[] body = Arrays.copyOfRange(message, Math.min(start, message.length), message.length);
        return new Part(reference, total, sequence, text(body, dataCoding));
    }

    static String text(byte[] body, byte dataCoding) {
        int alphabet = dataCoding & 0xFF;
        if (alphabet == 0x08) {
            return new String(body, StandardCharsets.UTF_16BE);
        }
        if (alphabet == 0x00) {
            return septets(body);
        }
        return new String(body, StandardCharsets.ISO_8859_1);
    }

    private static String septets(byte[] body) {
        StringBuilder text = new StringBuilder(body.length);
        for (int i = 0; i < body.length; i++) {
            int septet = body[i] & 0x7F;
            if (septet == 0x1B && i + 1 < body.length) {
                char extended = EXTENSION[body[++i] & 0x7F];
                text.append(extended == '\u0000' ? ' ' : extended);
            } else {
                text.append(BASIC.charAt(septet));
            }
        }
        return text.toString();
    }
}
