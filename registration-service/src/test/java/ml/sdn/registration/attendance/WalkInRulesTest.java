package ml.sdn.registration.attendance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WalkInRulesTest {

    @ParameterizedTest
    @CsvSource({"SPEAKER,SPEAKER", "delegation-member,DELEGATION_MEMBER", "Délégation,DELEGATION_MEMBER",
            "presse,PRESS", "Intervenante,SPEAKER", "VIP,OFFICIAL", "official/VIP,OFFICIAL", "jury,JURY",
            "Membre du jury,JURY", "personnel,STAFF", "staff,STAFF", "Participant,PARTICIPANT"})
    void a_category_is_named_by_its_code_or_a_french_or_english_word(String text, AttendeeCategory category) {
        assertThat(AttendeeCategory.named(text)).contains(category);
    }

    @Test
    void an_unknown_category_is_none_and_a_missing_one_on_an_attendance_is_a_participant() {
        assertThat(AttendeeCategory.named("chauffeur")).isEmpty();
        assertThat(AttendeeCategory.orParticipant(null)).isEqualTo(AttendeeCategory.PARTICIPANT);
    }

    @Test
    void every_category_has_its_own_colour() {
        assertThat(java.util.Arrays.stream(AttendeeCategory.values()).map(AttendeeCategory::colour).distinct())
                .hasSize(AttendeeCategory.values().length);
    }

    @Test
    void good_details_are_tidied_and_a_blank_category_is_a_participant() {
        WalkInRules.Checked checked = WalkInRules.check("  Awa   Traoré ", " ", "ml", "", "+223 76 12 34 56", null, null);

        assertThat(checked.faults()).isEmpty();
        assertThat(checked.details().name()).isEqualTo("Awa Traoré");
        assertThat(checked.details().category()).isEqualTo(AttendeeCategory.PARTICIPANT);
        assertThat(checked.details().country()).isEqualTo("ML");
        assertThat(checked.details().organization()).isNull();
        assertThat(checked.details().identityKey()).isEqualTo("ML|awa traore|22376123456");
    }

    @Test
    void every_field_at_fault_is_named_at_once() {
        WalkInRules.Checked checked = WalkInRules.check("", "chauffeur", "XX", "o".repeat(121), "12", "pas-une-adresse", null);

        assertThat(checked.faults()).extracting(WalkInRules.Fault::field)
                .containsExactly("name", "category", "country", "organization", "phone", "email");
    }

    @Test
    void a_phone_or_an_e_mail_is_needed_and_both_fields_say_so() {
        assertThat(WalkInRules.check("Awa", "jury", "ML", null, " ", null, null).faults())
                .extracting(WalkInRules.Fault::field, WalkInRules.Fault::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("phone", "attendance.walk-in.contact.required"),
                        org.assertj.core.groups.Tuple.tuple("email", "attendance.walk-in.contact.required"));
    }

    @Test
    void a_delegation_member_is_of_a_delegation_country() {
        assertThat(WalkInRules.check("Awa", "delegation", "SN", null, null, "a@b.sn", null).faults())
                .extracting(WalkInRules.Fault::messageKey).containsExactly("attendance.walk-in.country.delegation");
        assertThat(WalkInRules.check("Awa", "press", "SN", null, null, "a@b.sn", null).ok()).isTrue();
    }

    @Test
    void a_coordinator_registers_their_delegation_whatever_country_is_typed_and_theirs_when_none_is() {
        WalkInRules.Checked other = WalkInRules.check("Awa", "jury", "ml", null, null, "a@b.ml", "BF");
        WalkInRules.Checked none = WalkInRules.check("Awa", "jury", null, null, null, "a@b.ml", "BF");

        assertThat(other.otherDelegation()).isTrue();
        assertThat(other.faults()).extracting(WalkInRules.Fault::field).containsExactly("country");
        assertThat(none.ok()).isTrue();
        assertThat(none.details().country()).isEqualTo("BF");
    }

    @Test
    void the_same_person_typed_another_way_is_the_same_identity_and_the_e_mail_wins_over_the_phone() {
        String first = WalkInRules.check("Aïssata DEMBÉLÉ", "jury", "BF", null, "70 00 00 01", "Aissata@Exemple.bf", null)
                .details().identityKey();
        String again = WalkInRules.check("aissata dembele", "press", "bf", "Ouaga Lab", null, "aissata@exemple.bf", null)
                .details().identityKey();

        assertThat(again).isEqualTo(first).isEqualTo("BF|aissata dembele|aissata@exemple.bf");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Sénégal|SN", "senegal|SN", "Côte d'Ivoire|CI", "burkina faso|BF",
            "ne|NE", "Niger|NE", "Nigeria|NG"})
    void a_country_is_named_by_its_code_or_its_french_or_english_name(String typed, String code) {
        assertThat(WalkInRules.check("Awa", "press", typed, null, null, "a@b.org", null).details().country()).isEqualTo(code);
    }
}
