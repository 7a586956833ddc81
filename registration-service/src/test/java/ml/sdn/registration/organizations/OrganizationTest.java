package ml.sdn.registration.organizations;

import ml.sdn.events.registration.MemberJoined;
import ml.sdn.events.registration.OrganizationRegistered;
import ml.sdn.events.registration.OrganizationUpdated;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.platform.rules.FieldRejectedException;
import ml.sdn.platform.rules.FieldsRejectedException;
import ml.sdn.platform.rules.FieldChecks;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static ml.sdn.registration.organizations.Gender.FEMALE;
import static ml.sdn.registration.organizations.Gender.MALE;
import static ml.sdn.registration.organizations.Gender.NOT_STATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The organisation's own rules: one lead, the owner stays, members' own data, erasure. */
class OrganizationTest {

    private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-11T10:00:00Z");
    private static final Organization.Details DETAILS = new Organization.Details("Sahel Data", Sector.E_GOVERNMENT, 2021,
            null, "Open data for municipalities");

    @Test
    void registering_derives_women_led_and_announces_it_keyed_by_the_organisation() {
        Organization organization = registered(owner(MALE, false), declared("Awa", FEMALE, true));

        assertThat(organization.womenLed()).isTrue();
        assertThat(organization.ownerId()).isEqualTo("p-owner");
        assertThat(organization.outbox()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(OrganizationRegistered.TYPE.type());
            assertThat(event.key()).isEqualTo("org-1");
            assertThat(event.payload()).contains("\"womenLed\":true");
        });
    }

    @Test
    void a_team_without_exactly_one_lead_is_refused_on_members() {
        assertThatThrownBy(() -> registered(owner(MALE, true), declared("Awa", FEMALE, true)))
                .isInstanceOfSatisfying(FieldRejectedException.class, e -> assertThat(e.field()).isEqualTo("members"));
        assertThatThrownBy(() -> registered(owner(MALE, false), declared("Awa", FEMALE, false)))
                .isInstanceOfSatisfying(FieldRejectedException.class, e -> assertThat(e.field()).isEqualTo("members"));
    }

    @Test
    void an_edit_recomputes_women_led_and_announces_the_change() {
        Organization organization = registered(owner(MALE, true), declared("Awa", FEMALE, false));
        String awa = organization.members().get(1).memberId();
        String me = organization.members().get(0).memberId();

        Organization.Edit edit = organization.update(DETAILS, List.of(
                draft(me, null, null, false), draft(awa, null, null, true)), "p-owner", T1);

        assertThat(edit.changed()).isTrue();
        assertThat(organization.womenLed()).isTrue();
        assertThat(organization.updatedAt()).isEqualTo(T1);
        assertThat(organization.outbox()).extracting(PendingEvent::type)
                .containsExactly(OrganizationRegistered.TYPE.type(), OrganizationUpdated.TYPE.type());
    }

    @Test
    void an_edit_that_changes_nothing_announces_nothing() {
        Organization organization = registered(owner(MALE, true));
        String me = organization.members().get(0).memberId();

        Organization.Edit edit = organization.update(DETAILS, List.of(draft(me, null, null, true)), "p-owner", T1);

        assertThat(edit.changed()).isFalse();
        assertThat(organization.outbox()).hasSize(1);
        assertThat(organization.updatedAt()).isEqualTo(T0);
    }

    @Test
    void new_declared_members_need_a_name_and_a_gender() {
        Organization organization = registered(owner(MALE, true));
        String me = organization.members().get(0).memberId();

        assertThatThrownBy(() -> organization.update(DETAILS, List.of(draft(me, null, null, true),
                new Organization.MemberDraft(null, " ", "Dev", FEMALE, false)), "p-owner", T1))
                .isInstanceOfSatisfying(FieldsRejectedException.class, e -> assertThat(fields(e)).containsExactly("members[1].name"));
        assertThatThrownBy(() -> organization.update(DETAILS, List.of(draft(me, null, null, true),
                new Organization.MemberDraft(null, "Moussa", "Dev", null, false)), "p-owner", T1))
                .isInstanceOfSatisfying(FieldsRejectedException.class, e -> assertThat(fields(e)).containsExactly("members[1].gender"));
    }

    @Test
    void every_wrong_member_row_is_named_in_one_answer() {
        Organization organization = registered(owner(MALE, true));
        String me = organization.members().get(0).memberId();

        assertThatThrownBy(() -> organization.update(DETAILS, List.of(draft(me, null, null, true),
                new Organization.MemberDraft(null, " ", "Dev", null, false), draft("not-a-member", "X", MALE, false),
                draft(me, null, null, false)), "p-owner", T1))
                .isInstanceOfSatisfying(FieldsRejectedException.class, e -> assertThat(fields(e)).containsExactly(
                        "members[1].name", "members[1].gender", "members[2].memberId", "members[3].memberId"));
    }

    private static List<String> fields(FieldsRejectedException rejected) {
        return rejected.failures().stream().map(FieldChecks.Failure::field).toList();
    }

    @Test
    void unknown_or_twice_listed_members_are_refused_by_position() {
        Organization organization = registered(owner(MALE, true));
        String me = organization.members().get(0).memberId();

        assertThatThrownBy(() -> organization.update(DETAILS, List.of(draft(me, null, null, true),
                draft("not-a-member", "X", MALE, false)), "p-owner", T1))
                .isInstanceOfSatisfying(FieldsRejectedException.class, e -> assertThat(fields(e)).containsExactly("members[1].memberId"));
        assertThatThrownBy(() -> organization.update(DETAILS, List.of(draft(me, null, null, true),
                draft(me, null, null, false)), "p-owner", T1))
                .isInstanceOfSatisfying(FieldsRejectedException.class, e -> assertThat(fields(e)).containsExactly("members[1].memberId"));
    }

    @Test
    void the_owner_cannot_be_left_out() {
        Organization organization = registered(owner(MALE, false), declared("Awa", FEMALE, true));
        String awa = organization.members().get(1).memberId();

        assertThatThrownBy(() -> organization.update(DETAILS, List.of(draft(awa, null, null, true)), "p-owner", T1))
                .isInstanceOfSatisfying(FieldsRejectedException.class, e -> assertThat(fields(e)).containsExactly("members"));
    }

    @Test
    void the_owner_cannot_change_the_name_or_gender_of_a_member_with_an_account() {
        Organization organization = registered(owner(MALE, true));
        organization.join("p-awa", "Awa Traoré", "CTO", FEMALE, null, "inv-1", T1);
        String me = organization.members().get(0).memberId();
        String awa = organization.members().get(1).memberId();

        organization.update(DETAILS, List.of(draft(me, null, NOT_STATED, true), new Organization.MemberDraft(awa, "Renamed",
                "COO", MALE, false)), "p-owner", T1);

        assertThat(organization.members().get(1)).isEqualTo(new Member(awa, "p-awa", "Awa Traoré", "COO", FEMALE, false));
        // their own gender, the owner may change
        assertThat(organization.members().get(0).gender()).isEqualTo(NOT_STATED);
    }

    @Test
    void leaving_out_a_member_with_an_account_removes_them_and_says_who() {
        Organization organization = registered(owner(MALE, true));
        organization.join("p-awa", "Awa", "CTO", FEMALE, null, "inv-2", T1);
        String me = organization.members().get(0).memberId();

        Organization.Edit edit = organization.update(DETAILS, List.of(draft(me, null, null, true)), "p-owner", T1);

        assertThat(edit.removedParticipants()).containsExactly("p-awa");
        assertThat(organization.hasMember("p-awa")).isFalse();
    }

    @Test
    void joining_as_a_declared_member_takes_over_their_entry_and_keeps_its_lead() {
        Organization organization = registered(owner(MALE, false), declared("Awa", FEMALE, true));
        String awa = organization.members().get(1).memberId();

        organization.join("p-awa", "Awa Traoré", "CEO", FEMALE, awa, "inv-3", T1);

        assertThat(organization.members()).hasSize(2);
        assertThat(organization.members().get(1)).isEqualTo(new Member(awa, "p-awa", "Awa Traoré", "CEO", FEMALE, true));
        assertThat(organization.outbox()).extracting(PendingEvent::type).containsExactly(OrganizationRegistered.TYPE.type(),
                MemberJoined.TYPE.type(), OrganizationUpdated.TYPE.type());
    }

    @Test
    void erasure_keeps_the_entry_without_the_person_and_passes_ownership_to_the_lead_with_an_account() {
        Organization organization = registered(owner(FEMALE, false), declared("Moussa", MALE, true));
        String moussa = organization.members().get(1).memberId();
        organization.join("p-moussa", "Moussa", "CEO", MALE, moussa, "inv-4", T1);
        assertThat(organization.womenLed()).isFalse();
        organization.join("p-fanta", "Fanta", "Dev", FEMALE, null, "inv-5", T1);
        assertThat(organization.womenLed()).isTrue(); // 2 women of 3

        boolean changed = organization.erase("p-owner", T1);

        assertThat(changed).isTrue();
        assertThat(organization.ownerId()).isEqualTo("p-moussa");
        assertThat(organization.members().get(0)).satisfies(entry -> {
            assertThat(entry.participantId()).isNull();
            assertThat(entry.name()).isNull();
            assertThat(entry.gender()).isEqualTo(NOT_STATED);
            assertThat(entry.role()).isEqualTo("Founder");
        });
        assertThat(organization.womenLed()).isFalse(); // 1 woman of 3 now
        assertThat(organization.erase("p-owner", T1)).isFalse();
    }

    @Test
    void an_owner_alone_with_an_account_leaves_the_organisation_without_owner() {
        Organization organization = registered(owner(MALE, true), declared("Awa", FEMALE, false));

        organization.erase("p-owner", T1);

        assertThat(organization.ownerId()).isNull();
        assertThat(organization.members()).hasSize(2);
    }

    @Test
    void an_invitation_lets_in_once_even_after_its_member_was_removed() {
        Organization organization = registered(owner(MALE, true));
        organization.join("p-awa", "Awa", "CTO", FEMALE, null, "inv-awa", T1);
        String me = organization.members().get(0).memberId();
        organization.update(DETAILS, List.of(draft(me, null, null, true)), "p-owner", T1);

        assertThat(organization.usedInvitation("inv-awa")).isTrue();
        assertThat(organization.usedInvitation("inv-other")).isFalse();
        assertThatThrownBy(() -> organization.join("p-awa", "Awa", "CTO", FEMALE, null, "inv-awa", T1))
                .isInstanceOf(IllegalStateException.class);
        assertThat(organization.hasMember("p-awa")).isFalse();
    }

    @Test
    void a_full_organisation_has_room_only_for_a_declared_member_taking_over_their_entry() {
        Member[] others = new Member[Organization.MAX_MEMBERS - 1];
        for (int i = 0; i < others.length; i++) {
            others[i] = declared("Member" + i, i % 2 == 0 ? FEMALE : MALE, false);
        }
        Organization organization = registered(owner(MALE, true), others);
        String declared = organization.members().get(1).memberId();

        assertThat(organization.isFull()).isTrue();
        assertThat(organization.hasRoomFor(null)).isFalse();
        assertThat(organization.hasRoomFor("not-a-member")).isFalse();
        assertThat(organization.hasRoomFor(declared)).isTrue();
        assertThatThrownBy(() -> organization.join("p-new", "New", "Dev", MALE, null, "inv-new", T1))
                .isInstanceOf(IllegalStateException.class);
        assertThat(organization.members()).hasSize(Organization.MAX_MEMBERS);
        organization.join("p-member0", "Member 0", "Dev", FEMALE, declared, "inv-member0", T1);
        assertThat(organization.members()).hasSize(Organization.MAX_MEMBERS);
        assertThat(organization.hasMember("p-member0")).isTrue();
    }

    @Test
    void a_name_must_show_two_characters_of_its_own() {
        Organization.Details invisible = new Organization.Details("A\u200B\u200B", Sector.E_GOVERNMENT, 2021, null, "x");
        Organization organization = registered(owner(MALE, true));
        String me = organization.members().get(0).memberId();

        assertThatThrownBy(() -> Organization.register("org-2", OrganizationType.START_UP, "ML", invisible, owner(MALE, true),
                List.of(), T0)).isInstanceOfSatisfying(FieldRejectedException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> organization.update(invisible, List.of(draft(me, null, null, true)), "p-owner", T1))
                .isInstanceOfSatisfying(FieldsRejectedException.class, e -> assertThat(fields(e)).containsExactly("name"));
        organization.update(new Organization.Details("AB\u200B", Sector.E_GOVERNMENT, 2021, null, "x"),
                List.of(draft(me, null, null, true)), "p-owner", T1);
        assertThat(organization.name()).isEqualTo("AB\u200B");
    }

    private static Organization registered(Member owner, Member... others) {
        return Organization.register("org-1", OrganizationType.START_UP, "ML", DETAILS, owner, List.of(others), T0);
    }

    private static Member owner(Gender gender, boolean lead) {
        return new Member("m-owner", "p-owner", "Owner", "Founder", gender, lead);
    }

    private static Member declared(String name, Gender gender, boolean lead) {
        return new Member("m-" + name, null, name, "Dev", gender, lead);
    }

    private static Organization.MemberDraft draft(String memberId, String name, Gender gender, boolean lead) {
        return new Organization.MemberDraft(memberId, name, "Founder", gender, lead);
    }
}
