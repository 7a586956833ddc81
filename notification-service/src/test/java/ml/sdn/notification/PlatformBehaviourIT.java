package ml.sdn.notification;

import ml.sdn.testing.PlatformContract;
import ml.sdn.testing.TestIssuer;

/** What the platform gives this service (token checks, roles, country, problems, probes, OpenAPI), against the running service. */
class PlatformBehaviourIT extends IntegrationTestSupport implements PlatformContract {

    @Override
    public TestIssuer issuer() {
        return ISSUER;
    }

    @Override
    public String apiPrefix() {
        return "/api/notifications";
    }
}
