package ml.sdn.incubation.incubatees;

/**
 * A coach as organizers see them when assigning: {@code activeIncubatees} is their load;
 * {@code verified} says a token with the {@code coach} role was seen for this id (a declared id
 * nobody has signed in with yet is not); {@code onRoster} false for someone an organizer took off the roster
 * (they keep their incubatees until reassigned, and cannot be assigned new ones).
 */
public record CoachLoad(String id, String name, boolean onRoster, boolean verified, long activeIncubatees) {
}
