package ml.sdn.competition.jury;

import java.util.Set;

/**
 * A member of a category's jury as the rules and views need them: participant id, username, name and
 * organisations from the registration copy. {@code available} is false when the person's profile is
 * gone (erased): they stay listed until organizers change the roster, but are given nothing new.
 */
record RosterJuror(String id, String username, String displayName, Set<String> organisationIds, boolean available) {

    Juror juror() {
        return new Juror(id, organisationIds);
    }
}
