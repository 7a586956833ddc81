package ml.sdn.registration;

import ml.sdn.testing.PlatformContract;
import ml.sdn.testing.TestIssuer;

/** What the platform gives this service (token checks, roles, country, problems, probes, OpenAPI), against the running service. */
class PlatformBehaviourIT extends ServiceIT implements PlatformContract {

    @Override
    public TestIssuer issuer() {
        return ISSUER;
    }

    @Override
    public String apiPrefix() {
        return "/api/registrations";
    }

    @Override
    public String documentedPath() {
        return apiPrefix() + "/participants/me";
    }
}
