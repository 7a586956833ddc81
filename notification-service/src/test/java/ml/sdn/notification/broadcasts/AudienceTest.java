package ml.sdn.notification.broadcasts;

import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.FieldChecks;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AudienceTest {

    private static final Caller ORGANIZER = new Caller("o-1", "organizer-ml", null, null, Set.of("organizer"), "ML");
    private static final Caller COORDINATOR_BF = new Caller("c-1", "coordinator-bf", null, null, Set.of("coordinator"), "BF", "BF");

    @Test
    void an_organizer_chooses_everyone_or_one_delegation() {
        FieldChecks checks = FieldChecks.none();

        assertThat(Audience.of(ORGANIZER, "EVERYONE", "NE", null, checks).countryFilter()).isNull();
        assertThat(Audience.of(ORGANIZER, "COUNTRY", " NE ", null, checks).countryFilter()).isEqualTo("NE");
        assertThat(checks.failures()).isEmpty();
    }

    @Test
    void an_organizers_missing_or_unknown_choice_is_named() {
        FieldChecks checks = FieldChecks.none();

        assertThat(Audience.of(ORGANIZER, null, null, null, checks)).isNull();
        assertThat(Audience.of(ORGANIZER, "FRIENDS", null, null, checks)).isNull();
        assertThat(Audience.of(ORGANIZER, "COUNTRY", "", null, checks)).isNull();
        assertThat(Audience.of(ORGANIZER, "COUNTRY", "SN", null, checks)).isNull();
        assertThat(checks.failures()).extracting(FieldChecks.Failure::field, FieldChecks.Failure::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple("audience", "notification.broadcasts.audience-missing"),
                org.assertj.core.groups.Tuple.tuple("audience", "notification.broadcasts.audience-unknown"),
                org.assertj.core.groups.Tuple.tuple("country", "notification.broadcasts.country-missing"),
                org.assertj.core.groups.Tuple.tuple("country", "notification.broadcasts.country-unknown"));
    }

    @Test
    void a_coordinator_gets_their_delegation_whether_they_name_it_or_not() {
        FieldChecks checks = FieldChecks.none();

        assertThat(Audience.of(COORDINATOR_BF, null, null, null, checks)).isEqualTo(new Audience(Audience.Kind.COUNTRY, "BF", null));
        assertThat(Audience.of(COORDINATOR_BF, "COUNTRY", "BF", null, checks)).isEqualTo(new Audience(Audience.Kind.COUNTRY, "BF", null));
        assertThat(checks.failures()).isEmpty();
    }

    @Test
    void a_coordinator_asking_for_another_country_or_everyone_or_without_a_delegation_is_refused() {
        Caller withoutDelegation = new Caller("c-2", "coordinator-x", null, null, Set.of("coordinator"), "ML", null);

        for (String[] asked : new String[][] {{"COUNTRY", "NE"}, {null, "ML"}, {"EVERYONE", null}, {"EVERYONE", "BF"}}) {
            assertThatThrownBy(() -> Audience.of(COORDINATOR_BF, asked[0], asked[1], null, FieldChecks.none()))
                    .isInstanceOf(Audience.OutsideDelegation.class);
        }
        assertThatThrownBy(() -> Audience.of(withoutDelegation, null, null, null, FieldChecks.none()))
                .isInstanceOf(Audience.OutsideDelegation.class);
    }

    @Test
    void a_day_narrows_any_audience_and_a_day_that_is_not_a_date_is_named() {
        FieldChecks checks = FieldChecks.none();
        assertThat(Audience.of(ORGANIZER, "COUNTRY", "NE", "2026-01-29", checks))
                .isEqualTo(new Audience(Audience.Kind.COUNTRY, "NE", java.time.LocalDate.parse("2026-01-29")));
        assertThat(Audience.of(COORDINATOR_BF, null, null, " 2026-01-30 ", checks).day()).hasToString("2026-01-30");
        assertThat(checks.failures()).isEmpty();

        Audience.of(ORGANIZER, "EVERYONE", null, "demain", checks);
        assertThat(checks.failures()).extracting(FieldChecks.Failure::field, FieldChecks.Failure::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("day", "notification.broadcasts.day-unknown"));
    }

    @Test
    void the_other_audiences_keep_what_narrows_them_and_name_what_they_lack() {
        FieldChecks checks = FieldChecks.none();

        assertThat(Audience.of(ORGANIZER, new Audience.Choice("APPLICANTS", "NE", null, "cat-1", "PRESELECTED", "ed-1"), checks))
                .isEqualTo(new Audience(Audience.Kind.APPLICANTS, "NE", null, "cat-1", "PRESELECTED", "ed-1"));
        assertThat(Audience.of(ORGANIZER, new Audience.Choice("CHECKED_IN", "NE", "2026-01-29", "cat-1", "SUBMITTED", "ed-1"), checks))
                .isEqualTo(new Audience(Audience.Kind.CHECKED_IN, "NE", java.time.LocalDate.parse("2026-01-29"), null, null, null));
        assertThat(Audience.of(ORGANIZER, new Audience.Choice("JURORS", null, null, "cat-1", null, "ed-1"), checks))
                .isEqualTo(new Audience(Audience.Kind.JURORS, null, null, "cat-1", null, null));
        assertThat(Audience.of(ORGANIZER, new Audience.Choice("COACHES", null, null, "cat-1", null, "ed-1"), checks))
                .isEqualTo(new Audience(Audience.Kind.COACHES, null, null, null, null, "ed-1"));
        assertThat(checks.failures()).isEmpty();

        assertThat(Audience.of(ORGANIZER, new Audience.Choice("APPLICANTS", null, null, null, "WINNER", null), checks)).isNull();
        assertThat(Audience.of(ORGANIZER, new Audience.Choice("CHECKED_IN", null, null, null, null, null), checks)).isNull();
        assertThat(Audience.of(ORGANIZER, new Audience.Choice("JURORS", "SN", null, null, null, null), checks)).isNull();
        assertThat(checks.failures()).extracting(FieldChecks.Failure::field, FieldChecks.Failure::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple("category", "notification.broadcasts.category-missing"),
                org.assertj.core.groups.Tuple.tuple("status", "notification.broadcasts.status-unknown"),
                org.assertj.core.groups.Tuple.tuple("day", "notification.broadcasts.day-missing"),
                org.assertj.core.groups.Tuple.tuple("country", "notification.broadcasts.country-unknown"),
                org.assertj.core.groups.Tuple.tuple("category", "notification.broadcasts.category-missing"));
    }

    @Test
    void a_coordinator_choosing_any_other_audience_stays_within_their_delegation() {
        for (String kind : new String[] {"APPLICANTS", "CHECKED_IN", "JURORS", "INCUBATEES", "COACHES"}) {
            Audience audience = Audience.of(COORDINATOR_BF, new Audience.Choice(kind, null, "2026-01-29", "cat-1", null, "ed-1"),
                    FieldChecks.none());
            assertThat(audience.countryFilter()).as(kind).isEqualTo("BF");
            // the attacker's side: the same audience with another delegation's country typed in
            assertThatThrownBy(() -> Audience.of(COORDINATOR_BF, new Audience.Choice(kind, "NE", "2026-01-29", "cat-1", null, "ed-1"),
                    FieldChecks.none())).as(kind).isInstanceOf(Audience.OutsideDelegation.class);
        }
    }
}
