package ml.sdn.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keycloak's build kept between stacks: a new home starts built when nothing the build depends on changed. */
class KeycloakBuildCacheTest {

    static final String JAR = "sdn-keycloak-extension.jar";
    static final List<String> OPTIONS = List.of("start-dev", "--health-enabled=true");
    static final FileTime BUILT_WITH = FileTime.fromMillis(1_796_591_234_878L);

    @TempDir
    Path dir;

    Path zip;
    Path jar;
    KeycloakBuildCache cache;

    @BeforeEach
    void files() throws IOException {
        zip = Files.write(dir.resolve("keycloak.zip"), new byte[] {9, 9, 9});
        jar = Files.write(dir.resolve(JAR), new byte[] {1, 2, 3});
        cache = new KeycloakBuildCache(dir.resolve("cache"));
    }

    @Test
    void theKeyFollowsTheJarsContentAndTheOptionsButNotTheJarsTime() throws IOException {
        String key = KeycloakBuildCache.key("26.5.6", zip, jar, OPTIONS);

        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000L));
        assertThat(KeycloakBuildCache.key("26.5.6", zip, jar, OPTIONS)).isEqualTo(key);
        assertThat(KeycloakBuildCache.key("26.5.6", zip, jar, List.of("start-dev"))).isNotEqualTo(key);
        assertThat(KeycloakBuildCache.key("26.6.0", zip, jar, OPTIONS)).isNotEqualTo(key);
        Files.write(jar, new byte[] {1, 2, 4});
        assertThat(KeycloakBuildCache.key("26.5.6", zip, jar, OPTIONS)).isNotEqualTo(key);
    }

    @Test
    void aBuildKeptFromOneHomeMakesAnotherHomeBuiltWithTheJarsRecordedTime() throws IOException {
        Path built = builtHome("first");
        String key = KeycloakBuildCache.key("26.5.6", zip, jar, OPTIONS);

        assertThat(cache.store(key, built, JAR)).isEmpty();
        assertThat(KeycloakBuildCache.isBuiltFor(built, key)).isTrue();

        Path fresh = Files.createDirectories(dir.resolve("second"));
        assertThat(cache.restore(key, fresh, JAR)).isTrue();
        assertThat(fresh.resolve("lib/quarkus/generated-bytecode.jar")).hasBinaryContent(new byte[] {7, 7});
        // Keycloak compares the jar's time with the one its build recorded: a new time means a rebuild
        assertThat(Files.getLastModifiedTime(fresh.resolve("providers").resolve(JAR))).isEqualTo(BUILT_WITH);
        assertThat(KeycloakBuildCache.isBuiltFor(fresh, key)).isTrue();
    }

    @Test
    void aKeyNeverKeptRestoresNothing() throws IOException {
        Path fresh = Files.createDirectories(dir.resolve("fresh"));

        assertThat(cache.restore("26.5.6-000000000000000000000000", fresh, JAR)).isFalse();
        assertThat(KeycloakBuildCache.isBuiltFor(fresh, "26.5.6-000000000000000000000000")).isFalse();
        assertThat(fresh.resolve("lib")).doesNotExist();
    }

    @Test
    void storingAKeyAlreadyKeptLeavesTheEntryAsItWas() throws IOException {
        String key = KeycloakBuildCache.key("26.5.6", zip, jar, OPTIONS);
        cache.store(key, builtHome("one"), JAR);
        Path other = builtHome("two");
        Files.write(other.resolve("lib/quarkus/generated-bytecode.jar"), new byte[] {8});

        assertThat(cache.store(key, other, JAR)).isEmpty();
        assertThat(cache.root().resolve(key).resolve("lib/quarkus/generated-bytecode.jar")).hasBinaryContent(new byte[] {7, 7});
        try (var entries = Files.list(cache.root())) {
            assertThat(entries.map(p -> p.getFileName().toString()).toList()).containsExactly(key);
        }
    }

    /** What Keycloak leaves after its build: the build output and the provider jar with the time it recorded. */
    private Path builtHome(String name) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("lib/quarkus"));
        Files.write(home.resolve("lib/quarkus/generated-bytecode.jar"), new byte[] {7, 7});
        Files.writeString(home.resolve("lib/quarkus/build-system.properties"), "quarkus.version=3.27.2\n");
        Files.createDirectories(home.resolve("providers"));
        Path installed = Files.copy(jar, home.resolve("providers").resolve(JAR));
        Files.setLastModifiedTime(installed, BUILT_WITH);
        return home;
    }
}
