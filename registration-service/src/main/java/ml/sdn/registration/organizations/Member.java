package ml.sdn.registration.organizations;

import org.springframework.data.mongodb.core.mapping.Field;

/**
 * One member of an organisation, as stored in its document. {@code participantId} is the member's
 * Keycloak subject once they joined with an account, null for a member the owner declared (or whose
 * data was erased: then {@code name} is null too). Exactly one member of an organisation is its lead.
 */
public record Member(
        String memberId,
        // written even when null, so that every member entry has the same fields for the features that query them
        @Field(write = Field.Write.ALWAYS) String participantId,
        @Field(write = Field.Write.ALWAYS) String name,
        String role,
        Gender gender,
        boolean lead) {

    boolean hasAccount() {
        return participantId != null;
    }

    boolean isWoman() {
        return gender == Gender.FEMALE;
    }
}
