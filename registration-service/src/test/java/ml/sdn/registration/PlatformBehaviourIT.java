package ml.sdn.registration;

import ml.sdn.testing.CreatingEndpoint;
import ml.sdn.testing.PlatformContract;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What the platform gives this service (token checks, roles, country, problems, probes, OpenAPI), against the running service. */
class PlatformBehaviourIT extends ServiceIT implements PlatformContract {

    private static final String PREFIX = "/api/registrations";
    // far from the days the attendance ITs open (30 days ahead and on), so no test sees another's places
    private static final AtomicInteger NEXT_DAY = new AtomicInteger(400);

    @Override
    public TestIssuer issuer() {
        return ISSUER;
    }

    @Override
    public String apiPrefix() {
        return PREFIX;
    }

    @Override
    public String documentedPath() {
        return apiPrefix() + "/participants/me";
    }

    @Override
    public List<CreatingEndpoint> creatingEndpoints() {
        return List.of(
                new CreatingEndpoint("POST " + PREFIX + "/organizations", username -> {
                    String token = participantWithProfile(username);
                    return new CreatingEndpoint.Creation(token,
                            new CreatingEndpoint.Request(PREFIX + "/organizations", organization("Retry " + username)),
                            new CreatingEndpoint.Request(PREFIX + "/organizations", organization("Other " + username)),
                            () -> api().get(PREFIX + "/organizations/mine", token).json().size());
                }),
                new CreatingEndpoint("POST " + PREFIX + "/organizations/{id}/invitations", username -> {
                    String token = participantWithProfile(username);
                    ServiceApi.Response organization = api().postJson(PREFIX + "/organizations", token, organization("Org " + username));
                    assertThat(organization.status()).as(organization.body()).isEqualTo(201);
                    String invitations = PREFIX + "/organizations/" + organization.json().get("id").asString() + "/invitations";
                    return new CreatingEndpoint.Creation(token,
                            new CreatingEndpoint.Request(invitations, invitation("awa-" + username + "@example.org")),
                            new CreatingEndpoint.Request(invitations, invitation("ibrahim-" + username + "@example.org")),
                            () -> api().get(invitations, token).json().size());
                }),
                new CreatingEndpoint("POST " + PREFIX + "/attendance/days/{date}/registrations", username -> {
                    String token = participantWithProfile(username);
                    LocalDate day = openDay();
                    LocalDate otherDay = openDay();
                    return new CreatingEndpoint.Creation(token,
                            new CreatingEndpoint.Request(PREFIX + "/attendance/days/" + day + "/registrations", null),
                            new CreatingEndpoint.Request(PREFIX + "/attendance/days/" + otherDay + "/registrations", null),
                            () -> api().get(PREFIX + "/attendance/me", token).json().size());
                }),
                new CreatingEndpoint("POST " + PREFIX + "/programme/sessions/{id}/agenda", username -> {
                    String token = participantWithProfile(username);
                    String session = programmeSession();
                    String otherSession = programmeSession();
                    return new CreatingEndpoint.Creation(token,
                            new CreatingEndpoint.Request(PREFIX + "/programme/sessions/" + session + "/agenda", null),
                            new CreatingEndpoint.Request(PREFIX + "/programme/sessions/" + otherSession + "/agenda", null),
                            () -> api().get(PREFIX + "/programme/me/agenda", token).json().size());
                }));
    }

    private String programmeSession() {
        ServiceApi.Response created = api().postJson(PREFIX + "/programme/sessions", ISSUER.token("organizer-ml", "ML", "organizer"), """
                {"titleFr":"Atelier","titleEn":"Workshop","kind":"WORKSHOP","room":"Salle 1",
                 "startsAt":"2026-01-29T10:00","endsAt":"2026-01-29T11:00","capacity":5}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String participantWithProfile(String username) {
        String token = ISSUER.token(username, "ML", "participant");
        ServiceApi.Response profile = api().put(PREFIX + "/participants/me", token, """
                {"preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"}}""");
        assertThat(profile.status()).as(profile.body()).isEqualTo(201);
        return token;
    }

    private LocalDate openDay() {
        LocalDate day = LocalDate.now(ZoneId.of("Africa/Bamako")).plusDays(NEXT_DAY.incrementAndGet());
        ServiceApi.Response opened = api().put(PREFIX + "/attendance/days/" + day,
                ISSUER.token("organizer-ml", "ML", "organizer"), "{\"capacity\":5}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return day;
    }

    private static String organization(String name) {
        return """
                {"type":"START_UP","name":"%s","country":"ML","sector":"E_GOVERNMENT","foundingYear":2022,
                 "registrationNumber":"MA.BKO.2022.B.1234","description":"Des services publics en ligne",
                 "creator":{"role":"CEO","gender":"MALE","lead":true},"members":[]}""".formatted(name);
    }

    private static String invitation(String email) {
        return """
                {"email":"%s","role":"CTO","gender":"FEMALE"}""".formatted(email);
    }
}
