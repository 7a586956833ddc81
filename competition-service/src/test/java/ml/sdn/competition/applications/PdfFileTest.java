package ml.sdn.competition.applications;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PdfFileTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void a_pdf_is_recognised_by_its_first_bytes() {
        assertThat(PdfFile.looksLikePdf(bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"))).isTrue();
        assertThat(PdfFile.looksLikePdf(bytes("%PDF-"))).isTrue();
    }

    @Test
    void what_merely_claims_to_be_a_pdf_is_not_one() {
        assertThat(PdfFile.looksLikePdf(bytes("<html><script>alert(1)</script>"))).isFalse();
        assertThat(PdfFile.looksLikePdf(bytes("MZ\u0090\u0000 an executable"))).isFalse();
        assertThat(PdfFile.looksLikePdf(bytes(" %PDF-1.7 with a leading space"))).isFalse();
        assertThat(PdfFile.looksLikePdf(bytes("%pdf-1.7"))).isFalse();
        assertThat(PdfFile.looksLikePdf(bytes("%PDF"))).isFalse();
        assertThat(PdfFile.looksLikePdf(new byte[0])).isFalse();
        assertThat(PdfFile.looksLikePdf(null)).isFalse();
    }

    @Test
    void file_names_lose_their_directories_and_dangerous_characters() {
        assertThat(PdfFile.safeName("C:\\Users\\awa\\Projet final.pdf")).isEqualTo("Projet final.pdf");
        assertThat(PdfFile.safeName("../../etc/passwd")).isEqualTo("passwd.pdf");
        assertThat(PdfFile.safeName("dossier\"; filename=evil.exe")).isEqualTo("dossier__ filename=evil.exe.pdf");
        assertThat(PdfFile.safeName("a\r\nContent-Type: text.pdf")).isEqualTo("a__Content-Type_ text.pdf");
    }

    @Test
    void file_names_keep_accents_and_always_end_in_pdf() {
        assertThat(PdfFile.safeName("Présentation Sahel Énergie.PDF")).isEqualTo("Présentation Sahel Énergie.pdf");
        assertThat(PdfFile.safeName("pitch")).isEqualTo("pitch.pdf");
        assertThat(PdfFile.safeName("  deck   v2 .pdf ")).isEqualTo("deck v2.pdf");
    }

    @Test
    void empty_hidden_or_missing_names_become_document_pdf() {
        assertThat(PdfFile.safeName(null)).isEqualTo("document.pdf");
        assertThat(PdfFile.safeName("")).isEqualTo("document.pdf");
        assertThat(PdfFile.safeName(".pdf")).isEqualTo("document.pdf");
        assertThat(PdfFile.safeName("...")).isEqualTo("document.pdf");
        assertThat(PdfFile.safeName("folder/")).isEqualTo("document.pdf");
        assertThat(PdfFile.safeName(".hidden.pdf")).isEqualTo("hidden.pdf");
    }

    @Test
    void long_names_are_cut_to_100_characters_with_their_extension() {
        String name = PdfFile.safeName("é".repeat(300) + ".pdf");
        assertThat(name).hasSize(100).endsWith(".pdf").startsWith("éé");
    }

    @Test
    void sha256_is_the_standard_digest() {
        assertThat(PdfFile.sha256(bytes("abc"))).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
