package ml.sdn.notification;

import ml.sdn.events.registration.AttendanceConfirmed;
import ml.sdn.events.registration.AttendancePromoted;
import ml.sdn.events.registration.ParticipantErased;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.inbox.InboxItem;
import ml.sdn.notification.mail.EmailDelivery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each person switches e-mail on or off per kind, except what they must receive; the inbox gets everything. */
class EmailPreferencesIT extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PREFERENCES = "/api/notifications/me/preferences";
    private static final LocalDate THURSDAY = LocalDate.of(2026, 1, 29);

    @Autowired
    MongoTemplate mongo;

    @Test
    void every_kind_starts_with_e_mail_on_and_the_required_ones_are_listed() throws Exception {
        Participant newcomer = Participant.named("Fatou Keita", "ML", "fr");

        asUser(newcomer, get(PREFERENCES))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email.PROFILE_CREATED").value(true))
                .andExpect(jsonPath("$.email.ATTENDANCE_CONFIRMED").value(true))
                .andExpect(jsonPath("$.email.ATTENDANCE_PROMOTED").value(true))
                .andExpect(jsonPath("$.email.MEMBER_INVITED").value(true))
                .andExpect(jsonPath("$.email.APPLICATION_SUBMITTED").value(true))
                .andExpect(jsonPath("$.email.REVIEW_REMINDER").value(true))
                .andExpect(jsonPath("$.email.SESSION_LOGGED").value(true))
                .andExpect(jsonPath("$.required").value(containsInAnyOrder("MEMBER_INVITED", "ATTENDANCE_PROMOTED",
                        "APPLICATION_SUBMITTED", "PRESELECTED", "NOT_PRESELECTED", "AWARD_GRANTED", "INCUBATION_ENROLLED",
                        "INCUBATEE_GRADUATED", "INCUBATEE_DROPPED", "DRAFT_TAKEN_OVER", "DRAFT_DELETED", "SESSION_MOVED", "SESSION_PLACE_GIVEN",
                        "BROADCAST")));
    }

    @Test
    void a_kind_switched_off_still_reaches_the_inbox_but_sends_no_e_mail_while_a_required_kind_is_e_mailed() throws Exception {
        Participant salif = welcomed(Participant.named("Salif Ouédraogo", "BF", "fr"));
        asUser(salif, put(PREFERENCES).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": {\"ATTENDANCE_CONFIRMED\": false, \"ATTENDANCE_PROMOTED\": true}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email.ATTENDANCE_CONFIRMED").value(false))
                .andExpect(jsonPath("$.email.PROFILE_CREATED").value(true));

        String friday = UUID.randomUUID().toString();
        String thursday = UUID.randomUUID().toString();
        publish(AttendanceConfirmed.TYPE, salif.id(), new AttendanceConfirmed(friday, salif.id(), "BF", THURSDAY.plusDays(1), "SDN-F9", Instant.now()));
        // same key, so handled after the confirmation: once its e-mail is queued, the confirmation was handled
        publish(AttendancePromoted.TYPE, salif.id(), new AttendancePromoted(thursday, salif.id(), "BF", THURSDAY, "SDN-T9", Instant.now()));

        await().atMost(WAIT).until(() -> deliveriesTo(salif).stream().anyMatch(d -> d.kind() == NotificationKind.ATTENDANCE_PROMOTED));
        assertThat(inboxOf(salif)).extracting(InboxItem::kind).containsExactlyInAnyOrder(
                NotificationKind.PROFILE_CREATED, NotificationKind.ATTENDANCE_CONFIRMED, NotificationKind.ATTENDANCE_PROMOTED);
        assertThat(deliveriesTo(salif)).extracting(EmailDelivery::kind).containsExactlyInAnyOrder(
                NotificationKind.PROFILE_CREATED, NotificationKind.ATTENDANCE_PROMOTED);
        await().atMost(WAIT).until(() -> mailsTo(salif.email()).size() == 2);
    }

    @Test
    void a_kind_switched_back_on_is_e_mailed_again_and_kinds_not_named_keep_their_choice() throws Exception {
        Participant awa = Participant.named("Awa Sanogo", "ML", "en");
        putChoices(awa, "{\"email\": {\"PROFILE_CREATED\": false, \"ATTENDANCE_CANCELLED\": false}}").andExpect(status().isOk());

        putChoices(awa, "{\"email\": {\"PROFILE_CREATED\": true}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email.PROFILE_CREATED").value(true))
                .andExpect(jsonPath("$.email.ATTENDANCE_CANCELLED").value(false));

        welcomed(awa); // the welcome is e-mailed: PROFILE_CREATED is on again
    }

    @Test
    void what_the_get_answers_can_be_put_back_as_it_is() throws Exception {
        Participant kadi = Participant.named("Kadi Touré", "NE", "fr");
        String current = asUser(kadi, get(PREFERENCES)).andReturn().getResponse().getContentAsString();

        putChoices(kadi, current).andExpect(status().isOk());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"email\": {\"ATTENDANCE_PROMOTED\": false}}         | email.ATTENDANCE_PROMOTED",
            "{\"email\": {\"MEMBER_INVITED\": false}}              | email.MEMBER_INVITED",
            "{\"email\": {\"APPLICATION_SUBMITTED\": false}}       | email.APPLICATION_SUBMITTED",
            "{\"email\": {\"NOT_PRESELECTED\": false}}             | email.NOT_PRESELECTED",
            "{\"email\": {\"NOT_A_KIND\": false}}                  | email.NOT_A_KIND",
            "{\"email\": {\"profile_created\": false}}             | email.profile_created",
            "{\"email\": {\"$where\": false}}                      | email.$where",
            "{\"email\": {\"PROFILE_CREATED\": null}}              | email.PROFILE_CREATED",
            "{\"email\": {\"PROFILE_CREATED\": \"maybe\"}}         | email.PROFILE_CREATED",
            "{\"email\": {\"PROFILE_CREATED\": {\"$gt\": false}}}  | email.PROFILE_CREATED",
            "{\"email\": [\"PROFILE_CREATED\"]}                    | email",
            "{\"email\": null}                                     | email",
            "{}                                                    | email"})
    void a_bad_choice_is_a_400_naming_it_and_changes_nothing(String body, String field) throws Exception {
        Participant someone = Participant.named("Personne", "ML", "fr");

        putChoices(someone, body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value(field));
        asUser(someone, get(PREFERENCES)).andExpect(jsonPath("$.email.PROFILE_CREATED").value(true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"email\": {\"PROFILE_CREATED\": false", "not json", "[]", "\"\""})
    void a_body_that_is_no_json_object_is_a_400_problem(String body) throws Exception {
        Participant someone = Participant.named("Personne", "ML", "fr");

        putChoices(someone, body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void a_rejected_kind_is_explained_in_the_callers_language() throws Exception {
        Participant someone = Participant.named("Someone", "ML", "en");

        mvc.perform(put(PREFERENCES).header("Authorization", "Bearer " + someone.token()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\": {\"ATTENDANCE_PROMOTED\": false}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("cannot be switched off: this notification must reach you by e-mail"));
        putChoices(someone, "{\"email\": {\"NOPE\": true}}")
                .andExpect(jsonPath("$.errors[0].message").value("« NOPE » n'est pas un type de notification connu"));
    }

    @Test
    void a_person_changes_only_their_own_choices() throws Exception {
        Participant victim = Participant.named("Aïssata Maïga", "ML", "fr");
        Participant attacker = Participant.named("Intrus", "NE", "fr");

        // the body cannot name anyone: a recipient id next to the choices is not read
        putChoices(attacker, "{\"recipientId\": \"" + victim.id() + "\", \"email\": {\"PROFILE_CREATED\": false}}")
                .andExpect(status().isOk());
        mvc.perform(put(PREFERENCES + "?recipientId=" + victim.id()).header("Authorization", "Bearer " + attacker.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\": {\"ATTENDANCE_CONFIRMED\": false}}"))
                .andExpect(status().isOk());

        asUser(victim, get(PREFERENCES))
                .andExpect(jsonPath("$.email.PROFILE_CREATED").value(true))
                .andExpect(jsonPath("$.email.ATTENDANCE_CONFIRMED").value(true));
        asUser(attacker, get(PREFERENCES))
                .andExpect(jsonPath("$.email.PROFILE_CREATED").value(false))
                .andExpect(jsonPath("$.email.ATTENDANCE_CONFIRMED").value(false));
        welcomed(victim);
    }

    @Test
    void without_a_token_preferences_are_a_401_problem() throws Exception {
        mvc.perform(get(PREFERENCES))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(put(PREFERENCES).contentType(MediaType.APPLICATION_JSON).content("{\"email\": {}}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void an_erased_persons_choices_are_forgotten() throws Exception {
        Participant leaving = welcomed(Participant.named("Moussa Diallo", "ML", "fr"));
        putChoices(leaving, "{\"email\": {\"ATTENDANCE_CONFIRMED\": false}}").andExpect(status().isOk());
        assertThat(mongo.exists(query(where("_id").is(leaving.id())), "email_preferences")).isTrue();

        publish(ParticipantErased.TYPE, leaving.id(), new ParticipantErased(leaving.id(), Instant.now()));

        await().atMost(WAIT).until(() -> !mongo.exists(query(where("_id").is(leaving.id())), "email_preferences"));
    }

    private Participant welcomed(Participant participant) {
        publish(ParticipantRegistered.TYPE, participant.id(), participant.registered());
        await().atMost(WAIT).until(() -> mailsTo(participant.email()).size() == 1);
        return participant;
    }

    private ResultActions putChoices(Participant participant, String body) throws Exception {
        return asUser(participant, put(PREFERENCES).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions asUser(Participant participant, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + participant.token()));
    }

    private List<InboxItem> inboxOf(Participant participant) {
        return mongo.find(query(where("recipientId").is(participant.id())), InboxItem.class);
    }

    private List<EmailDelivery> deliveriesTo(Participant participant) {
        return mongo.find(query(where("recipientId").is(participant.id())), EmailDelivery.class);
    }
}
