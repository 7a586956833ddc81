package ml.sdn.incubation;

import ml.sdn.testing.FeatureBoundaries;
import org.junit.jupiter.api.Test;

/**
 * The features of incubation-service depend on each other in one direction: editions and cohorts, then
 * incubatees, then milestones and sessions, then what reads them all (risk, erasure, kpis); {@code CohortMembers},
 * {@code IncubateeProgress} and {@code IncubateeSessions} are the interfaces lower features declare.
 * A new back-reference fails here, naming the classes.
 */
class FeatureBoundariesTest {

    @Test
    void features_depend_on_each_other_without_cycles() {
        FeatureBoundaries.assertNoCycleBetweenFeaturesOf("ml.sdn.incubation");
    }
}
