package ml.sdn.incubation;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The features (the packages under {@code ml.sdn.incubation}) depend on each other in one direction only:
 * editions and cohorts first, then incubatees, then milestones and sessions, then what reads them all (risk,
 * erasure, kpis). Where a lower feature needs something of a higher one, it declares a small interface that
 * the higher one implements ({@code CohortMembers}, {@code IncubateeProgress}, {@code IncubateeSessions}).
 * A new back-reference fails here, naming the classes.
 */
class FeatureBoundariesTest {

    static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ml.sdn.incubation");

    @Test
    void features_depend_on_each_other_without_cycles() {
        slices().matching("ml.sdn.incubation.(*)..").should().beFreeOfCycles().check(SERVICE);
    }
}
