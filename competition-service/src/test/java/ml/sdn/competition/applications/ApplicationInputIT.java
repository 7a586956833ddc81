package ml.sdn.competition.applications;

import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.Phase;
import ml.sdn.testing.ServiceApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input on the applicant's endpoints: a 400 problem naming the field, never a 500. */
class ApplicationInputIT extends ApplicationsITBase {

    private Category contest;

    @BeforeEach
    void openCategory() {
        contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
    }

    private String body(String fields) {
        return "{\"categoryId\": \"" + contest.id() + "\", " + fields + "}";
    }

    @Test
    void a_draft_needs_a_category_that_exists_and_a_title() {
        Person awa = person("ML");

        assertRejected(api().postJson(APPLICATIONS, awa.token(), "{\"title\": \"Sans catégorie\"}"), "categoryId");
        assertRejected(api().postJson(APPLICATIONS, awa.token(),
                "{\"categoryId\": \"6b0b0371896fa35d8103b999\", \"title\": \"Catégorie inconnue\"}"), "categoryId");
        assertRejected(api().postJson(APPLICATIONS, awa.token(),
                "{\"categoryId\": \"../../editions\", \"title\": \"Chemin\"}"), "categoryId");
        assertRejected(api().postJson(APPLICATIONS, awa.token(), body("\"title\": \"   \"")), "title");
        assertRejected(api().postJson(APPLICATIONS, awa.token(), body("\"summary\": \"sans titre\"")), "title");
    }

    @Test
    void every_given_field_is_checked_and_named() {
        Person awa = person("ML");
        String tooManyMembers = IntStream.range(0, 21).mapToObj(i -> "{\"name\": \"M" + i + "\", \"role\": \"r\"}")
                .collect(Collectors.joining(",", "[", "]"));

        assertRejected(api().postJson(APPLICATIONS, awa.token(), body("\"title\": \"" + "t".repeat(151) + "\"")), "title");
        assertRejected(api().postJson(APPLICATIONS, awa.token(),
                body("\"title\": \"T\", \"summary\": \"" + "s".repeat(1001) + "\", \"problem\": \"" + "p".repeat(4001) + "\"")),
                "summary", "problem");
        assertRejected(api().postJson(APPLICATIONS, awa.token(), body("\"title\": \"T\", \"stage\": \"SPACESHIP\"")), "stage");
        assertRejected(api().postJson(APPLICATIONS, awa.token(), body("\"title\": \"T\", \"pitchDeckUrl\": \"http://example.org/deck\"")),
                "pitchDeckUrl");
        assertRejected(api().postJson(APPLICATIONS, awa.token(), body("\"title\": \"T\", \"pitchDeckUrl\": \"javascript:alert(1)\"")),
                "pitchDeckUrl");
        assertRejected(api().postJson(APPLICATIONS, awa.token(), body("\"title\": \"T\", \"team\": " + tooManyMembers)), "team");
        assertRejected(api().postJson(APPLICATIONS, awa.token(), body("\"title\": \"T\", \"team\": [{\"name\": \" \", \"role\": \"lead\"}]")),
                "team[0].name");
        assertRejected(api().postJson(APPLICATIONS, awa.token(), body("\"title\": \"T\", \"team\": [null]")), "team[0]");
        assertRejected(api().postJson(APPLICATIONS, awa.token(), body("\"title\": \"T\", \"challenge\": \"Astronautique\"")),
                "challenge");
        assertRejected(api().postJson(APPLICATIONS, awa.token(), body("\"title\": \"T\", \"organizationId\": \"x y\"")),
                "organizationId");
        assertRejected(api().postJson(APPLICATIONS, awa.token(), body("\"title\": \"T\", \"team\": \"everyone\"")), "team");
        assertRejected(api().postJson(APPLICATIONS, awa.token(), "{not json"), "body");
    }

    @Test
    void the_category_and_organisation_of_an_application_cannot_change() {
        Person awa = person("ML");
        Category other = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        String id = drafted(awa, draftJson(contest, null, "Fixe"));

        assertRejected(api().put(APPLICATIONS + "/" + id, awa.token(), draftJson(other, null, "Ailleurs")), "categoryId");
        assertRejected(api().put(APPLICATIONS + "/" + id, awa.token(),
                draftJson(contest, organization(awa, "PROJECT_TEAM").id(), "Avec équipe")), "organizationId");
        // leaving them out (or repeating them) is fine
        ServiceApi.Response edited = api().put(APPLICATIONS + "/" + id, awa.token(), "{\"title\": \"Fixe, sans rappel\"}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("categoryId").asString()).isEqualTo(contest.id());
    }

    @Test
    void messages_speak_french_by_default_and_english_on_request() {
        Person awa = person("ML");

        ServiceApi.Response french = api().postJson(APPLICATIONS, awa.token(), body("\"title\": \"T\", \"pitchDeckUrl\": \"ftp://x\""));
        ServiceApi.Response english = api().postJson(APPLICATIONS, awa.token(), body("\"title\": \"T\", \"pitchDeckUrl\": \"ftp://x\""),
                "Accept-Language", "en");

        assertThat(french.json().get("errors").get(0).get("message").asString()).startsWith("Le lien vers la présentation");
        assertThat(english.json().get("errors").get(0).get("message").asString()).startsWith("The pitch deck link");
    }
}
