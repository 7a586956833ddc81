package ml.sdn.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Participants from the three AES countries register through the gateway with real Keycloak tokens,
 * and each delegation coordinator sees only their own country's participants.
 */
@ExtendWith(RunningPlatform.class)
class RegistrationAcrossCountriesIT {

    private static final String ME = "/api/registrations/participants/me";
    private static final String PARTICIPANTS = "/api/registrations/participants";

    private final Platform platform;

    RegistrationAcrossCountriesIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void participants_of_mali_burkina_faso_and_niger_register_and_the_bf_coordinator_sees_only_bf() {
        register("participant-ml", "76 12 34 56", "+22376123456", "ML", "Bamako");
        register("participant-bf", "70 12 34 56", "+22670123456", "BF", "Ouagadougou");
        register("participant-ne", "90 12 34 56", "+22790123456", "NE", "Niamey");

        String coordinatorBf = platform.tokenOf("coordinator-bf");
        List<String> seenByBf = countriesIn(platform.get(platform.gateway(PARTICIPANTS + "?size=100"), coordinatorBf));
        List<String> askedForMali = countriesIn(platform.get(platform.gateway(PARTICIPANTS + "?country=ML&size=100"), coordinatorBf));
        Platform.Response organizerView = platform.get(platform.gateway(PARTICIPANTS + "?size=100"), platform.tokenOf("organizer-ml"));

        assertThat(seenByBf).isNotEmpty().containsOnly("BF");
        assertThat(askedForMali).doesNotContain("ML", "NE");
        assertThat(countriesIn(organizerView)).contains("ML", "BF", "NE");
        assertThat(organizerView.body()).contains("Participant Mali", "Participant Burkina Faso", "Participant Niger");
    }

    @Test
    void a_participant_cannot_list_participants_nor_claim_another_country() {
        String token = platform.tokenOf("participant-ml");

        Platform.Response list = platform.get(platform.gateway(PARTICIPANTS), token);
        Platform.Response otherCountry = platform.putJson(platform.gateway(ME), token,
                "{\"country\":\"BF\",\"consent\":{\"accepted\":true,\"version\":\"2026-01\"}}");

        assertThat(list.status()).isEqualTo(403);
        assertThat(list.contentType()).startsWith("application/problem+json");
        assertThat(otherCountry.status()).isEqualTo(400);
        assertThat(otherCountry.contentType()).startsWith("application/problem+json");
        assertThat(otherCountry.json().get("errors").findValuesAsString("field")).contains("country");
    }

    @Test
    void the_bf_coordinator_gets_burkina_faso_statistics_only() {
        register("participant-bf", "70 12 34 56", "+22670123456", "BF", "Ouagadougou");

        Platform.Response stats = platform.get(platform.gateway("/api/registrations/stats?country=ML"), platform.tokenOf("coordinator-bf"));

        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
        assertThat(stats.json().get("scope").asString()).isEqualTo("BF");
        assertThat(stats.json().get("participants").get("byCountry").get("BF").asLong()).isPositive();
        assertThat(stats.json().get("participants").get("byCountry").has("ML")).isFalse();
    }

    private void register(String username, String nationalPhone, String e164, String country, String city) {
        Platform.Response saved = platform.putJson(platform.gateway(ME), platform.tokenOf(username), """
                {"phone":"%s","gender":"NOT_STATED","city":"%s","preferredLanguage":"fr",
                 "consent":{"accepted":true,"version":"2026-01"}}""".formatted(nationalPhone, city));

        assertThat(saved.status()).as(saved.body()).isBetween(200, 201);
        assertThat(saved.json().get("country").asString()).isEqualTo(country);
        assertThat(saved.json().get("phone").asString()).isEqualTo(e164);
    }

    private static List<String> countriesIn(Platform.Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> countries = new ArrayList<>();
        for (JsonNode item : page.json().get("content")) {
            countries.add(item.get("country").asString());
        }
        return countries;
    }
}
