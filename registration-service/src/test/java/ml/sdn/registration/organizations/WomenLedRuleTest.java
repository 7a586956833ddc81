package ml.sdn.registration.organizations;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static ml.sdn.registration.organizations.Gender.FEMALE;
import static ml.sdn.registration.organizations.Gender.MALE;
import static ml.sdn.registration.organizations.Gender.NOT_STATED;
import static org.assertj.core.api.Assertions.assertThat;

/** Hand-computed cases of "the lead is a woman, or women are the strict majority of the members". */
class WomenLedRuleTest {

    @Test
    void a_woman_lead_alone_is_women_led() {
        assertThat(WomenLedRule.isWomenLed(team(lead(FEMALE)))).isTrue();
    }

    @Test
    void a_man_lead_alone_is_not() {
        assertThat(WomenLedRule.isWomenLed(team(lead(MALE)))).isFalse();
    }

    @Test
    void a_woman_lead_in_a_male_majority_is_women_led() {
        // 1 woman (the lead) of 4: no majority, but she leads
        assertThat(WomenLedRule.isWomenLed(team(lead(FEMALE), member(MALE), member(MALE), member(MALE)))).isTrue();
    }

    @Test
    void women_in_strict_majority_under_a_man_lead_is_women_led() {
        // 2 women of 3: 2 > 1.5
        assertThat(WomenLedRule.isWomenLed(team(lead(MALE), member(FEMALE), member(FEMALE)))).isTrue();
    }

    @Test
    void a_tie_is_not_a_majority() {
        // 2 women of 4: 2 is not more than 2
        assertThat(WomenLedRule.isWomenLed(team(lead(MALE), member(MALE), member(FEMALE), member(FEMALE)))).isFalse();
    }

    @Test
    void members_of_unstated_gender_count_as_members_but_not_as_women() {
        // 2 women of 4 (two not stated): no majority; among stated genders alone it would be 2 of 2
        assertThat(WomenLedRule.isWomenLed(team(lead(NOT_STATED), member(NOT_STATED), member(FEMALE), member(FEMALE)))).isFalse();
        // 3 women of 5: majority whatever the other two are
        assertThat(WomenLedRule.isWomenLed(team(lead(NOT_STATED), member(MALE), member(FEMALE), member(FEMALE), member(FEMALE))))
                .isTrue();
    }

    @Test
    void a_lead_of_unstated_gender_does_not_make_it_women_led() {
        assertThat(WomenLedRule.isWomenLed(team(lead(NOT_STATED), member(FEMALE)))).isFalse();
    }

    @Test
    void everyone_unstated_is_not_women_led() {
        assertThat(WomenLedRule.isWomenLed(team(lead(NOT_STATED), member(NOT_STATED), member(NOT_STATED)))).isFalse();
    }

    @Test
    void a_large_team_needs_more_than_half() {
        // 5 women of 10: tie; 6 of 11: 6 > 5.5
        List<Member> ten = new ArrayList<>(team(lead(MALE)));
        for (int i = 0; i < 4; i++) {
            ten.add(member(MALE));
        }
        for (int i = 0; i < 5; i++) {
            ten.add(member(FEMALE));
        }
        assertThat(WomenLedRule.isWomenLed(ten)).isFalse();
        ten.add(member(FEMALE));
        assertThat(WomenLedRule.isWomenLed(ten)).isTrue();
    }

    @Test
    void no_members_is_not_women_led() {
        assertThat(WomenLedRule.isWomenLed(List.of())).isFalse();
        assertThat(WomenLedRule.isWomenLed(null)).isFalse();
    }

    private static List<Member> team(Member... members) {
        return List.of(members);
    }

    private static Member lead(Gender gender) {
        return new Member("m-lead", null, "Lead", "CEO", gender, true);
    }

    private static Member member(Gender gender) {
        return new Member("m-" + gender, null, "Member", "Dev", gender, false);
    }
}
