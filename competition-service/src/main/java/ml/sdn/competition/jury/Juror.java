package ml.sdn.competition.jury;

import java.util.Objects;
import java.util.Set;

/**
 * A juror of a category: their participant id and the organisations they belong to (a juror may
 * belong to none, one or several).
 */
public record Juror(String id, Set<String> organisationIds) {

    public Juror {
        Objects.requireNonNull(id, "id");
        organisationIds = organisationIds == null ? Set.of() : Set.copyOf(organisationIds);
    }

    public Juror(String id) {
        this(id, Set.of());
    }
}
