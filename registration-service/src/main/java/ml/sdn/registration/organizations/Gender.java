package ml.sdn.registration.organizations;

/**
 * A member's gender as declared (by the person, or by the owner for a member without an account). Used
 * for the women-led rule and statistics only; shown to the person and organizers, never to other participants.
 */
public enum Gender {
    FEMALE,
    MALE,
    NOT_STATED
}
