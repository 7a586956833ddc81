package ml.sdn.competition.editions;

import java.util.List;

/**
 * The kinds of category and the organisation types (registration's START_UP, SME, PROJECT_TEAM) each
 * admits. A project holder alone registers a PROJECT_TEAM of one, so people are never eligible by
 * themselves.
 */
public enum CategoryCode {
    START_UP_CHALLENGE(List.of("START_UP", "SME")),
    PROJECT_CONTEST(List.of("PROJECT_TEAM"));

    private final List<String> organizationTypes;

    CategoryCode(List<String> organizationTypes) {
        this.organizationTypes = organizationTypes;
    }

    public List<String> organizationTypes() {
        return organizationTypes;
    }
}
