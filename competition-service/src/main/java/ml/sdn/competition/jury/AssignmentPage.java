package ml.sdn.competition.jury;

import java.util.List;

/** A page of a category's reviews for organizers, by application then juror. */
record AssignmentPage(List<AssignmentView> content, int page, int size, long totalElements, int totalPages) {
}
