package ml.sdn.registration.organizations;

import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.XlsxRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The organisations as a CSV file, from each role's side. */
class OrganizationExportIT extends OrganizationFixtures {

    private static final String CSV = ORGANIZATIONS + ".csv";

    @Test
    void organizers_download_the_filtered_list_in_words_with_the_edition_and_the_time_it_was_made() {
        String marker = unique("export");
        register(participant("ML"), organization("START_UP", "Alpha " + marker, "ML", "FEMALE", true, "[]"));
        register(participant("BF"), organization("SME", "=Beta " + marker, "BF", "MALE", true, "[]"));

        ServiceApi.Response csv = api().get(CSV + "?edition=3%20(2026)&q=" + marker, token("organizer", "NE"));

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment").contains("organisations-");
        assertThat(csv.header("Cache-Control")).isEqualTo("no-store");
        List<String> lines = lines(csv);
        assertThat(lines.get(0)).startsWith("\uFEFFÉdition 3 (2026) — fichier établi le ");
        assertThat(lines.get(1)).isEqualTo("Nom;Type;Pays;Secteur;Portée par une femme;Membres;Année de création;Enregistrée le");
        assertThat(lines.subList(2, lines.size())).hasSize(2);
        // sorted by name ("=" before letters); a name a spreadsheet would evaluate is shown as text
        assertThat(lines.get(2)).startsWith("'=Beta " + marker + ";PME;Burkina Faso;E-gouvernement;non;1;2022;");
        assertThat(lines.get(3)).startsWith("Alpha " + marker + ";start-up;Mali;E-gouvernement;oui;1;2022;");
        assertThat(csv.body()).doesNotContain("START_UP", "E_GOVERNMENT", ";ML;", "2026-");

        List<String> english = lines(api().get(CSV + "?womenLed=true&q=" + marker, token("organizer", "NE"),
                "Accept-Language", "en"));
        assertThat(english.get(0)).startsWith("\uFEFFSemaine du Numérique — file made on ");
        assertThat(english.get(1)).startsWith("Name;Type;Country;Sector;Women-led;");
        assertThat(english.subList(2, english.size())).singleElement().asString()
                .startsWith("Alpha " + marker + ";start-up;Mali;E-government;yes;");

        ServiceApi.Response xlsx = api().get(ORGANIZATIONS + ".xlsx?edition=3%20(2026)&q=" + marker, token("organizer", "NE"));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.header("Content-Disposition")).contains("organisations-").contains(".xlsx");
        List<List<Object>> rows = XlsxRows.read(xlsx.bytes());
        assertThat(rows).hasSize(4);
        assertThat((String) rows.get(0).get(0)).startsWith("Édition 3 (2026) — fichier établi le ");
        assertThat(rows.get(1)).containsExactly("Nom", "Type", "Pays", "Secteur", "Portée par une femme", "Membres",
                "Année de création", "Enregistrée le");
        // members and founding year are numbers
        assertThat(rows.get(2)).startsWith("'=Beta " + marker, "PME", "Burkina Faso", "E-gouvernement", "non",
                new BigDecimal("1"), new BigDecimal("2022"));
    }

    @Test
    void a_coordinators_file_holds_their_delegation_only_whatever_the_filter_says() {
        String marker = unique("export");
        register(participant("ML"), organization("START_UP", "Mali " + marker, "ML", "MALE", true, "[]"));
        register(participant("BF"), organization("START_UP", "Burkina " + marker, "BF", "MALE", true, "[]"));

        List<String> own = lines(api().get(CSV + "?q=" + marker, token("coordinator", "BF")));
        List<String> tampered = lines(api().get(CSV + "?country=ML&q=" + marker, token("coordinator", "BF")));

        assertThat(own.subList(2, own.size())).singleElement().asString().startsWith("Burkina " + marker + ";");
        assertThat(tampered).hasSize(2); // the first line and the headers, no one
        assertThat(XlsxRows.read(api().get(ORGANIZATIONS + ".xlsx?country=ML&q=" + marker, token("coordinator", "BF")).bytes()))
                .hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"participant", "jury", "coach"})
    void other_roles_get_403(String role) {
        for (String file : List.of(CSV, ORGANIZATIONS + ".xlsx")) {
            ServiceApi.Response refused = api().get(file, token(role, "ML"));

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            country=SN          | country
            type=NGO            | type
            sector=FARMING      | sector
            womenLed=maybe      | womenLed
            edition=%s          | edition
            """)
    void bad_filters_are_a_400_naming_them(String query, String field) {
        ServiceApi.Response refused = api().get(CSV + "?" + query.formatted("x".repeat(101)), token("organizer", "ML"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly(field);
    }

    private static List<String> lines(ServiceApi.Response csv) {
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body()).endsWith("\r\n");
        return Arrays.asList(csv.body().split("\r\n"));
    }
}
