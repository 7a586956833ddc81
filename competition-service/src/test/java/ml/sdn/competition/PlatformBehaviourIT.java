package ml.sdn.competition;

import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.Phase;
import ml.sdn.testing.CreatingEndpoint;
import ml.sdn.testing.PlatformContract;
import ml.sdn.testing.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

/** What the platform gives this service (token checks, roles, country, problems, probes, OpenAPI), against the running service. */
class PlatformBehaviourIT extends ServiceIT implements PlatformContract {

    private static final String PREFIX = "/api/competitions";

    @Autowired
    MongoTemplate mongo;

    @Override
    public TestIssuer issuer() {
        return ISSUER;
    }

    @Override
    public String apiPrefix() {
        return PREFIX;
    }

    @Override
    public List<CreatingEndpoint> creatingEndpoints() {
        return List.of(new CreatingEndpoint("POST " + PREFIX + "/applications", username -> {
            CompetitionFixtures fixtures = new CompetitionFixtures(mongo);
            // known to this service, as registration's events would have left them
            fixtures.participant(TestIssuer.subjectOf(username), "ML", "Awa " + username, "FEMALE");
            Category contest = fixtures.category(fixtures.edition(), CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
            String token = ISSUER.token(username, "ML", "participant");
            return new CreatingEndpoint.Creation(token,
                    new CreatingEndpoint.Request(PREFIX + "/applications", draft(contest, "Pompes solaires")),
                    new CreatingEndpoint.Request(PREFIX + "/applications", draft(contest, "Séchoirs solaires")),
                    () -> api().get(PREFIX + "/applications/mine", token).json().size());
        }));
    }

    private static String draft(Category category, String title) {
        return """
                {"categoryId": "%s", "organizationId": null, "title": "%s"}
                """.formatted(category.id(), title);
    }
}
