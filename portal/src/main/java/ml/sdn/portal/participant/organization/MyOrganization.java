package ml.sdn.portal.participant.organization;

import java.time.Instant;
import java.util.List;

/** An organisation the participant owns or belongs to, as registration-service shows it to them. */
record MyOrganization(String id, String name, String type, String country, String sector, Integer foundingYear,
                      String registrationNumber, String description, boolean ownedByYou, List<Member> members,
                      boolean womenLed, Instant registeredAt) {

    record Member(String memberId, String name, String role, String gender, boolean lead, boolean joined) {
    }
}
