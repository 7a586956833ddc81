package ml.sdn.registration.attendance;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalkInCsvTest {

    private static List<WalkInCsv.Row> rows(String text) {
        return WalkInCsv.rows(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void semicolons_without_a_header_are_the_columns_in_order_and_keep_their_line_numbers() {
        List<WalkInCsv.Row> rows = rows("Awa Traoré;speaker;ML;Bamako Lab;+223 76 12 34 56;awa@exemple.ml\n\n"
                + "Salif Ouédraogo;presse;BF;;;salif@exemple.bf\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).line()).isEqualTo(1);
        assertThat(rows.get(0).get("name")).isEqualTo("Awa Traoré");
        assertThat(rows.get(0).get("organization")).isEqualTo("Bamako Lab");
        assertThat(rows.get(0).get("email")).isEqualTo("awa@exemple.ml");
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).get("category")).isEqualTo("presse");
    }

    @Test
    void commas_with_a_french_header_in_another_order_quotes_and_the_byte_order_mark_excel_writes() {
        List<WalkInCsv.Row> rows = rows("\uFEFFPays,Nom,Téléphone,Organisation,Catégorie\r\n"
                + "NE,\"Moussa \"\"Kader\"\" Issa\",+227 90 00 00 01,\"Niamey, Tech\",Officiel\r\n");

        assertThat(rows).hasSize(1);
        WalkInCsv.Row row = rows.get(0);
        assertThat(row.line()).isEqualTo(2);
        assertThat(row.get("country")).isEqualTo("NE");
        assertThat(row.get("name")).isEqualTo("Moussa \"Kader\" Issa");
        assertThat(row.get("organization")).isEqualTo("Niamey, Tech");
        assertThat(row.get("phone")).isEqualTo("+227 90 00 00 01");
        assertThat(row.get("category")).isEqualTo("Officiel");
        assertThat(row.get("email")).isNull();
    }

    @Test
    void a_quoted_line_break_stays_in_its_cell_and_the_next_row_keeps_its_true_line_number() {
        List<WalkInCsv.Row> rows = rows("nom;catégorie\n\"Awa\nTraoré\";jury\nIbrahim;staff\n");

        assertThat(rows).extracting(WalkInCsv.Row::line).containsExactly(2, 4);
        assertThat(rows.get(0).get("name")).isEqualTo("Awa\nTraoré");
    }

    @Test
    void a_file_not_in_utf8_an_empty_file_and_a_header_alone_are_refused_as_a_whole() {
        byte[] latin1 = "Aïssata;jury;ML;;;a@b.ml".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> WalkInCsv.rows(latin1)).isInstanceOf(WalkInCsv.Unreadable.class)
                .hasMessage("attendance.walk-in.file.encoding");
        assertThatThrownBy(() -> rows(" \n\n")).hasMessage("attendance.walk-in.file.empty");
        assertThatThrownBy(() -> rows("name;category;country\n")).hasMessage("attendance.walk-in.file.empty");
    }

    @Test
    void more_lines_than_allowed_are_refused() {
        String many = "x;participant;ML;;;x@y.ml\n".repeat(WalkInCsv.MAX_ROWS + 1);

        assertThatThrownBy(() -> rows(many)).hasMessage("attendance.walk-in.file.too-many");
    }
}
