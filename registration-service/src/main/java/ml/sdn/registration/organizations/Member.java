package ml.sdn.registration.organizations;

/**
 * One member of an organisation, as stored in its document. {@code participantId} is the member's
 * Keycloak subject once they joined with an account, null for a member the owner declared (or whose
 * data was erased: then {@code name} is null too). Exactly one member of an organisation is its lead.
 */
public record Member(String memberId, String participantId, String name, String role, Gender gender, boolean lead) {

    boolean hasAccount() {
        return participantId != null;
    }

    boolean isWoman() {
        return gender == Gender.FEMALE;
    }
}
