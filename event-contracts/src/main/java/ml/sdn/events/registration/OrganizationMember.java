package ml.sdn.events.registration;

/**
 * One member of an organisation as events carry it. {@code participantId} is null for a member who was
 * declared by the owner but has not (yet) joined with an account; {@code gender} is FEMALE, MALE or
 * NOT_STATED; {@code lead} marks the one person who leads the organisation.
 */
public record OrganizationMember(String memberId, String participantId, String name, String role, String gender, boolean lead) {
}
