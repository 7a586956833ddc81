package ml.sdn.registration.participants;

import ml.sdn.platform.security.Caller;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryScopeTest {

    @Test
    void an_organizer_sees_every_country_with_gender() {
        assertThat(DirectoryScope.of(caller("ML", "organizer"), null)).isEqualTo(new DirectoryScope(null, false, true));
    }

    @Test
    void an_organizer_may_narrow_to_any_country() {
        assertThat(DirectoryScope.of(caller("ML", "organizer"), "NE")).isEqualTo(new DirectoryScope("NE", false, true));
    }

    @Test
    void a_coordinator_sees_their_own_country_without_gender() {
        assertThat(DirectoryScope.of(caller("BF", "coordinator"), null)).isEqualTo(new DirectoryScope("BF", false, false));
        assertThat(DirectoryScope.of(caller("BF", "coordinator"), "BF")).isEqualTo(new DirectoryScope("BF", false, false));
    }

    @Test
    void a_coordinator_asking_for_another_country_sees_nobody() {
        assertThat(DirectoryScope.of(caller("BF", "coordinator"), "ML").nobody()).isTrue();
    }

    @Test
    void a_coordinator_without_an_aes_country_sees_nobody() {
        assertThat(DirectoryScope.of(caller(null, "coordinator"), null).nobody()).isTrue();
        assertThat(DirectoryScope.of(caller("FR", "coordinator"), null).nobody()).isTrue();
    }

    @Test
    void a_coordinator_who_is_also_organizer_sees_as_an_organizer() {
        assertThat(DirectoryScope.of(caller("BF", "coordinator", "organizer"), "ML"))
                .isEqualTo(new DirectoryScope("ML", false, true));
    }

    @Test
    void participants_jurors_and_coaches_see_nobody() {
        assertThat(DirectoryScope.of(caller("ML", "participant"), null).nobody()).isTrue();
        assertThat(DirectoryScope.of(caller("ML", "jury"), null).nobody()).isTrue();
        assertThat(DirectoryScope.of(caller("ML", "coach"), null).nobody()).isTrue();
    }

    @Test
    void a_coordinator_is_scoped_by_the_delegation_administrators_gave_not_by_the_country_they_chose() {
        Caller movedThemselves = new Caller("id", "user", "user@example.org", "User", Set.of("coordinator"), "ML", "BF");

        assertThat(DirectoryScope.of(movedThemselves, null)).isEqualTo(new DirectoryScope("BF", false, false));
        assertThat(DirectoryScope.of(movedThemselves, "ML").nobody()).isTrue();
    }

    @Test
    void a_coordinator_without_a_delegation_sees_nobody() {
        Caller unassigned = new Caller("id", "user", "user@example.org", "User", Set.of("coordinator"), "BF", null);

        assertThat(DirectoryScope.of(unassigned, null).nobody()).isTrue();
        assertThat(DirectoryScope.of(unassigned, "BF").nobody()).isTrue();
    }

    /** As the realm issues them: a coordinator's delegation is their own country. */
    private static Caller caller(String country, String... roles) {
        String delegation = Set.of(roles).contains("coordinator") ? country : null;
        return new Caller("id", "user", "user@example.org", "User", Set.of(roles), country, delegation);
    }
}
