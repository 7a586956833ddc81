package ml.sdn.competition.ranking;

import java.util.Objects;

/**
 * An evaluation criterion of a category: jurors score it from 0 to 10; its {@code weight} is its
 * share of the review total, in percent (a category's weights sum to 100). {@code label} is what
 * people read (CSV headers); {@code id} is what reviews refer to.
 */
public record Criterion(String id, String label, int weight) {

    public Criterion {
        Objects.requireNonNull(id, "id");
        label = label == null ? id : label;
        if (weight < 0 || weight > 100) {
            throw new IllegalArgumentException("weight of " + id + " must be 0..100, was " + weight);
        }
    }
}
