package ml.sdn.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * A service's features (the packages right under its root package: {@code applications}, {@code jury}…)
 * depend on each other in one direction only. Where a lower feature needs something of a higher one, it
 * declares a small interface that the higher one implements, or publishes an in-process event the higher one
 * listens to. Each service's {@code FeatureBoundariesTest} calls this: a new back-reference fails, naming the
 * classes on both sides.
 */
public final class FeatureBoundaries {

    private FeatureBoundaries() {
    }

    public static void assertNoCycleBetweenFeaturesOf(String rootPackage) {
        // only the service's own classes: the libraries it uses are not resolved (archunit.properties would be
        // per module; this keeps the import to a second or two)
        com.tngtech.archunit.ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        JavaClasses service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().check(service);
    }
}
