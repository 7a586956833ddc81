package ml.sdn.competition;

import ml.sdn.testing.FeatureBoundaries;
import org.junit.jupiter.api.Test;

/**
 * The features of competition-service depend on each other in one direction: audit, editions and the
 * registrations' copies, then applications, the jury, the ranking, selection, awards and feedback;
 * {@code editions/ResultsPublication} and {@code applications/ApplicationJurors} are interfaces lower features
 * declare, {@code registrations/ParticipantCopyChanged} an event they publish; shared helpers have packages of
 * their own ({@code platform}, {@code validation}).
 * A new back-reference fails here, naming the classes.
 */
class FeatureBoundariesTest {

    @Test
    void features_depend_on_each_other_without_cycles() {
        FeatureBoundaries.assertNoCycleBetweenFeaturesOf("ml.sdn.competition");
    }
}
