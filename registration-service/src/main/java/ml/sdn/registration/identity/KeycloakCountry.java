package ml.sdn.registration.identity;

import ml.sdn.registration.participants.DelegationFollower;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Keycloak attribute {@code country} follows an organizer's move, so that the person's next token says
 * the delegation they are in. Idempotent (the profile's current country is written); while Keycloak does
 * not answer, the event is retried like any follower's, then parked in the dead-letter topic.
 */
class KeycloakCountry implements DelegationFollower {

    private static final Logger log = LoggerFactory.getLogger(KeycloakCountry.class);

    private final KeycloakUsers users;

    KeycloakCountry(KeycloakUsers users) {
        this.users = users;
    }

    @Override
    public void follow(String participantId, String country) {
        if (!users.setAttribute(participantId, "country", country)) {
            log.info("Participant {} has no Keycloak account any more: its country is not followed there", participantId);
        }
    }
}
