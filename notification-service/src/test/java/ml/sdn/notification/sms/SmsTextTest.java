package ml.sdn.notification.sms;

import ml.sdn.smsc.SmsTextDecoder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Split here, reassembled by the local SMSC's own decoder, as a handset would. */
class SmsTextTest {

    @Test
    void a_short_text_in_the_gsm_alphabet_goes_alone_one_septet_per_character() {
        SmsText.Encoded encoded = SmsText.encode("Semaine du Numérique: your application has been received. Reference SDN3-SUC-0042.", 6, 7);

        assertThat(encoded.alphabet()).isEqualTo(SmsText.Alphabet.GSM7);
        assertThat(encoded.concatenated()).isFalse();
        assertThat(encoded.segments()).hasSize(1);
        assertThat(reassembled(encoded)).isEqualTo(encoded.text());
    }

    @Test
    void french_with_a_c_cedilla_is_not_gsm_and_goes_as_ucs2() {
        assertThat(SmsText.fitsGsm("élève à l'école")).isTrue();
        assertThat(SmsText.fitsGsm("candidature reçue")).isFalse();
        assertThat(SmsText.fitsGsm("« guillemets »")).isFalse();
        assertThat(SmsText.fitsGsm("prix 100 € {ok} [x] ~ ^ | \\")).isTrue();

        SmsText.Encoded encoded = SmsText.encode("Candidature reçue", 6, 1);

        assertThat(encoded.alphabet()).isEqualTo(SmsText.Alphabet.UCS2);
        assertThat(encoded.alphabet().dataCoding()).isEqualTo((byte) 0x08);
        assertThat(encoded.segments().get(0)).hasSize(2 * "Candidature reçue".length());
        assertThat(reassembled(encoded)).isEqualTo("Candidature reçue");
    }

    @Test
    void exactly_160_gsm_characters_fit_one_message_and_161_make_two_of_at_most_153() {
        assertThat(SmsText.encode("a".repeat(160), 6, 1).segments()).hasSize(1);

        SmsText.Encoded two = SmsText.encode("a".repeat(161), 6, 1);

        assertThat(two.segments()).hasSize(2);
        assertThat(two.segments().get(0)).hasSize(6 + 153);
        assertThat(two.segments().get(1)).hasSize(6 + 8);
        assertThat(reassembled(two)).isEqualTo("a".repeat(161));
    }

    @Test
    void a_euro_sign_counts_two_septets_and_an_escape_pair_is_never_split() {
        assertThat(SmsText.encode("€".repeat(80), 6, 1).segments()).hasSize(1);

        // 152 plain characters, then a euro sign: its two septets do not fit the first segment's last one
        String text = "b".repeat(152) + "€" + "c".repeat(10);
        SmsText.Encoded encoded = SmsText.encode(text, 6, 1);

        assertThat(encoded.segments()).hasSize(2);
        assertThat(encoded.segments().get(0)).hasSize(6 + 152);
        assertThat(reassembled(encoded)).isEqualTo(text);
    }

    @Test
    void a_long_accented_text_is_split_in_67_unit_segments_with_one_reference_and_reassembled_whole() {
        String text = "Bonjour Aïssata, votre candidature « Gestion de l'eau à Niamey » est bien reçue : "
                + "conservez ce message, c'est votre accusé de réception. Référence SDN3-SUC-0042. "
                + "Les résultats de la présélection seront annoncés sur la plateforme. Ça avance !";
        SmsText.Encoded encoded = SmsText.encode(text, 6, 42);

        assertThat(encoded.alphabet()).isEqualTo(SmsText.Alphabet.UCS2);
        assertThat(encoded.concatenated()).isTrue();
        assertThat(encoded.segments()).hasSize((text.length() + 66) / 67);
        for (int i = 0; i < encoded.segments().size(); i++) {
            byte[] segment = encoded.segments().get(i);
            assertThat(segment).startsWith(0x05, 0x00, 0x03, 42, encoded.segments().size(), i + 1);
            assertThat(segment.length).isLessThanOrEqualTo(6 + 2 * 67);
        }
        assertThat(reassembled(encoded)).isEqualTo(text);
    }

    @Test
    void a_surrogate_pair_is_never_split_between_two_segments() {
        String text = "x".repeat(66) + "😀" + "y".repeat(10);
        SmsText.Encoded encoded = SmsText.encode(text, 6, 1);

        assertThat(encoded.segments()).hasSize(2);
        assertThat(encoded.segments().get(0)).hasSize(6 + 2 * 66);
        assertThat(reassembled(encoded)).isEqualTo(text);
    }

    @Test
    void a_text_longer_than_the_cap_is_cut_short_with_an_ellipsis_within_the_cap() {
        SmsText.Encoded gsm = SmsText.encode("z".repeat(2000), 3, 1);
        assertThat(gsm.segments()).hasSize(3);
        assertThat(reassembled(gsm)).isEqualTo(gsm.text()).endsWith("...").hasSize(3 * 153);

        SmsText.Encoded ucs2 = SmsText.encode("ç".repeat(2000), 2, 1);
        assertThat(ucs2.segments()).hasSize(2);
        assertThat(reassembled(ucs2)).isEqualTo(ucs2.text()).endsWith("…").hasSize(2 * 67);
    }

    private static String reassembled(SmsText.Encoded encoded) {
        StringBuilder whole = new StringBuilder();
        List<byte[]> segments = encoded.segments();
        for (int i = 0; i < segments.size(); i++) {
            SmsTextDecoder.Part part = SmsTextDecoder.decode(segments.get(i), encoded.alphabet().dataCoding(), encoded.concatenated());
            assertThat(part.total()).isEqualTo(encoded.concatenated() ? segments.size() : 1);
            assertThat(part.sequence()).isEqualTo(i + 1);
            whole.append(part.text());
        }
        return whole.toString();
    }
}
