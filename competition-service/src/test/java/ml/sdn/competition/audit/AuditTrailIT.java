package ml.sdn.competition.audit;

import ml.sdn.competition.ServiceIT;
import ml.sdn.testing.ServiceApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The organizers' audit trail: its paging parameters are checked, whatever number is asked. */
class AuditTrailIT extends ServiceIT {

    private static final String AUDIT = "/api/competitions/audit";

    private final String organizer = ISSUER.token("organizer-audit", "ML", "organizer");

    private static void assertRejected(ServiceApi.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void a_page_beyond_100000_is_refused_naming_page() {
        assertRejected(api().get(AUDIT + "?page=2147483647", organizer), "page");
        assertRejected(api().get(AUDIT + "?page=100001&size=200", organizer), "page");
        assertRejected(api().get(AUDIT + "?page=-1", organizer), "page");
        assertRejected(api().get(AUDIT + "?size=201", organizer), "size");

        ServiceApi.Response last = api().get(AUDIT + "?page=100000&size=200", organizer);
        assertThat(last.status()).as(last.body()).isEqualTo(200);
        assertThat(last.json().get("content").size()).isZero();
    }
}
