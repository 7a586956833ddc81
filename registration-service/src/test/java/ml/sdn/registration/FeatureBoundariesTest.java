package ml.sdn.registration;

import ml.sdn.testing.FeatureBoundaries;
import org.junit.jupiter.api.Test;

/**
 * The features of registration-service depend on each other in one direction: participants first, then
 * organisations, attendance, identity and the statistics.
 * A new back-reference fails here, naming the classes.
 */
class FeatureBoundariesTest {

    @Test
    void features_depend_on_each_other_without_cycles() {
        FeatureBoundaries.assertNoCycleBetweenFeaturesOf("ml.sdn.registration");
    }
}
