package ml.sdn.notification;

import ml.sdn.testing.FeatureBoundaries;
import org.junit.jupiter.api.Test;

/**
 * The features of notification-service depend on each other in one direction: the catalogue, templates and
 * recipients first, then the inbox, mail, preferences and dispatch, then the listeners of each producer
 * (participants, organisations, attendance, competition, incubation).
 * A new back-reference fails here, naming the classes.
 */
class FeatureBoundariesTest {

    @Test
    void features_depend_on_each_other_without_cycles() {
        FeatureBoundaries.assertNoCycleBetweenFeaturesOf("ml.sdn.notification");
    }
}
