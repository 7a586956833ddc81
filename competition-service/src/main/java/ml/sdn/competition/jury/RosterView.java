package ml.sdn.competition.jury;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * A category's jury as organizers read it: each juror with their current name, how many organisations
 * they belong to (conflicts of interest), and their active reviews of the category (to do / done).
 * {@code withdrawnReviews}: only in the answer to a change, the pending reviews of removed jurors that
 * were withdrawn (re-run the assignment to give them to others).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RosterView(String categoryId, List<Entry> jurors, Instant updatedAt, Integer withdrawnReviews) {

    /** {@code available} false: the person's profile was erased; they are given nothing new. */
    record Entry(String id, String username, String displayName, int organisationCount, boolean available,
                 long pendingReviews, long submittedReviews) {
    }
}
