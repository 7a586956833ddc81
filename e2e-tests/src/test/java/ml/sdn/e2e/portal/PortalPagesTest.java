package ml.sdn.e2e.portal;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The layout walk knows every page: a GET mapping of the portal is walked or listed as not a page. */
class PortalPagesTest {

    @Test
    void every_get_mapping_of_the_portal_is_walked_or_excluded_with_a_reason() {
        Set<String> mapped = PortalPages.mapped(portalSources());
        Set<String> unknown = new TreeSet<>(mapped);
        unknown.removeAll(PortalPages.WALKED.keySet());
        unknown.removeAll(PortalPages.NOT_PAGES.keySet());

        assertThat(mapped).contains("/", "/me/applications/{id}", "/organizer/editions/{edition}/categories/{category}/jury");
        assertThat(unknown).as("pages the layout walk (PortalLayoutIT) does not open: add them to PortalPages").isEmpty();
        assertThat(PortalPages.WALKED.keySet()).as("walked pages no controller maps any more").isSubsetOf(mapped);
        assertThat(PortalPages.NOT_PAGES.keySet()).as("exclusions no controller maps any more").isSubsetOf(mapped);
    }

    private static Path portalSources() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path sources = dir.resolve("portal/src/main/java");
            if (Files.isDirectory(sources)) {
                return sources;
            }
        }
        throw new AssertionError("no portal/src/main/java above " + Path.of("").toAbsolutePath());
    }
}
