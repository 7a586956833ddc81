package ml.sdn.registration.participants;

/**
 * As the person states it. Personal data: shown to the person and to organizers only; used for the
 * women-led prize and for statistics.
 */
public enum Gender {
    FEMALE, MALE, NOT_STATED
}
