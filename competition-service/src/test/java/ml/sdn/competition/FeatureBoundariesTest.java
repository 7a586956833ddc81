package ml.sdn.competition;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The features (the packages under {@code ml.sdn.competition}) depend on each other in one direction only:
 * audit, editions and the registrations' copies first, then applications, the jury, the ranking, selection,
 * awards and feedback. Where a lower feature needs something of a higher one, it declares a small interface
 * that the higher one implements ({@code editions/ResultsPublication}, {@code applications/ApplicationJurors})
 * or publishes an in-process event the higher one listens to ({@code registrations/ParticipantCopyChanged}).
 * Shared helpers live in packages of their own ({@code platform}, {@code validation}). A new back-reference
 * fails here, naming the classes.
 */
class FeatureBoundariesTest {

    static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ml.sdn.competition");

    @Test
    void features_depend_on_each_other_without_cycles() {
        slices().matching("ml.sdn.competition.(*)..").should().beFreeOfCycles().check(SERVICE);
    }
}
