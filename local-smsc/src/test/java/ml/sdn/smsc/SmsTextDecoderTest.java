package ml.sdn.smsc;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SmsTextDecoderTest {

    @Test
    void gsm_septets_with_an_escaped_euro_sign_read_as_text() {
        // "é 5€": é = 0x05, space, '5', escape + 0x65
        byte[] septets = {0x05, 0x20, 0x35, 0x1B, 0x65};

        assertThat(SmsTextDecoder.decode(septets, (byte) 0, false)).isEqualTo(new SmsTextDecoder.Part(0, 1, 1, "é 5€"));
    }

    @Test
    void a_ucs2_segment_with_a_16_bit_concatenation_header_gives_its_place() {
        byte[] text = "reçue".getBytes(StandardCharsets.UTF_16BE);
        byte[] segment = new byte[7 + text.length];
        System.arraycopy(new byte[] {0x06, 0x08, 0x04, 0x01, 0x2C, 0x03, 0x02}, 0, segment, 0, 7);
        System.arraycopy(text, 0, segment, 7, text.length);

        assertThat(SmsTextDecoder.decode(segment, (byte) 0x08, true)).isEqualTo(new SmsTextDecoder.Part(300, 3, 2, "reçue"));
    }

    @Test
    void a_logged_text_stays_on_one_line_with_its_quotes_escaped() {
        assertThat(SmppSink.escaped("ligne 1\nil a dit \"oui\" \\ fin")).isEqualTo("ligne 1\\nil a dit \\\"oui\\\" \\\\ fin");
    }
}
