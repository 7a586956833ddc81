package ml.sdn.notification;

import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.notification.catalogue.Language;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.inbox.Inbox;
import ml.sdn.notification.inbox.InboxItem;
import ml.sdn.notification.templates.RenderedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class InboxApiIT extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ME = "/api/notifications/me";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Inbox inbox;

    @Test
    void a_participant_reads_their_welcome_with_the_unread_count() throws Exception {
        Participant aminata = registered(Participant.named("Aminata Coulibaly", "ML", "fr"));

        asUser(aminata, get(ME))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].kind").value("PROFILE_CREATED"))
                .andExpect(jsonPath("$.items[0].subject").value("Bienvenue à la Semaine du Numérique, Aminata Coulibaly"))
                .andExpect(jsonPath("$.items[0].read").value(false))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.unreadCount").value(1));
    }

    @Test
    void the_inbox_is_paged_newest_first() throws Exception {
        Participant issa = registered(Participant.named("Issa Sawadogo", "BF", "fr"));
        for (int i = 1; i <= 3; i++) {
            inbox.deliver(UUID.randomUUID().toString(), issa.id(), NotificationKind.PROFILE_CREATED,
                    new RenderedMessage(Language.FR, "Message " + i, "Corps " + i));
        }

        asUser(issa, get(ME).param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].subject").value(contains("Message 3", "Message 2")))
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.unreadCount").value(4));
        asUser(issa, get(ME).param("size", "2").param("page", "1"))
                .andExpect(jsonPath("$.items[*].subject").value(contains(
                        "Message 1", "Bienvenue à la Semaine du Numérique, Issa Sawadogo")));
    }

    @Test
    void a_participant_marks_their_notification_read_but_cannot_touch_another_persons() throws Exception {
        Participant owner = registered(Participant.named("Mariam Diarra", "ML", "fr"));
        Participant other = registered(Participant.named("Boubacar Cissé", "NE", "en"));
        String ownersItem = itemsOf(owner).get(0).id();

        asUser(other, post(ME + "/" + ownersItem + "/read"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        asUser(other, get(ME))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value(not(ownersItem)));
        assertThat(itemsOf(owner).get(0).read()).isFalse();

        asUser(owner, post(ME + "/" + ownersItem + "/read"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(ownersItem))
                .andExpect(jsonPath("$.read").value(true));
        asUser(owner, get(ME)).andExpect(jsonPath("$.unreadCount").value(0));
        asUser(other, get(ME)).andExpect(jsonPath("$.unreadCount").value(1));
    }

    @Test
    void mark_all_read_marks_only_the_callers_notifications() throws Exception {
        Participant reader = registered(Participant.named("Oumar Sidibé", "ML", "fr"));
        Participant bystander = registered(Participant.named("Ramatou Abdou", "NE", "fr"));
        inbox.deliver(UUID.randomUUID().toString(), reader.id(), NotificationKind.PROFILE_CREATED,
                new RenderedMessage(Language.FR, "Autre", "Autre"));

        asUser(reader, post(ME + "/read-all"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.marked").value(2));

        asUser(reader, get(ME)).andExpect(jsonPath("$.unreadCount").value(0));
        asUser(bystander, get(ME)).andExpect(jsonPath("$.unreadCount").value(1));
    }

    @Test
    void an_unknown_notification_id_is_a_404() throws Exception {
        Participant someone = Participant.named("Personne", "ML", "fr");

        asUser(someone, post(ME + "/0123456789abcdef01234567/read"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-id", "0123456789ABCDEF0123456Z", "123"})
    void a_malformed_notification_id_is_a_400_naming_it(String id) throws Exception {
        Participant someone = Participant.named("Personne", "ML", "fr");

        asUser(someone, post(ME + "/" + id + "/read"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "doit être un identifiant de notification (24 caractères hexadécimaux)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"size=0", "size=101", "size=abc", "page=-1", "page=x", "page=100001", "page=2147483647",
            "page=99999999999"})
    void a_bad_page_request_is_a_400_naming_the_parameter(String parameter) throws Exception {
        Participant someone = Participant.named("Personne", "ML", "fr");
        String name = parameter.substring(0, parameter.indexOf('='));

        asUser(someone, get(ME + "?" + parameter))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value(name));
    }

    @Test
    void validation_messages_follow_accept_language() throws Exception {
        Participant someone = Participant.named("Personne", "ML", "en");

        mvc.perform(get(ME + "?size=0").header("Authorization", "Bearer " + someone.token()).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Some values are invalid."));
        mvc.perform(get(ME + "?size=0").header("Authorization", "Bearer " + someone.token()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Certaines valeurs sont invalides."));
    }

    @Test
    void without_a_token_the_inbox_is_a_401_problem() throws Exception {
        mvc.perform(get(ME))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void a_malformed_token_on_the_inbox_is_a_401_problem() throws Exception {
        // expired, foreign, unsigned… tokens are covered by PlatformContract; here a malformed one on the inbox itself
        List<String> badTokens = List.of("not.a.token");
        for (String token : badTokens) {
            mvc.perform(get(ME).header("Authorization", "Bearer " + token))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
    }

    @Test
    void the_openapi_document_lists_the_inbox_without_a_token() throws Exception {
        mvc.perform(get("/api/notifications/openapi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/notifications/me']").exists())
                .andExpect(jsonPath("$.paths['/api/notifications/me/{id}/read']").exists())
                .andExpect(jsonPath("$.paths['/api/notifications/me/read-all']").exists())
                .andExpect(jsonPath("$.paths['/api/notifications/me/stream']").exists())
                .andExpect(jsonPath("$.paths['/api/notifications/me/preferences']").exists());
    }

    private Participant registered(Participant participant) {
        publish(ParticipantRegistered.TYPE, participant.id(), participant.registered());
        await().atMost(WAIT).until(() -> itemsOf(participant).size() == 1);
        return participant;
    }

    private List<InboxItem> itemsOf(Participant participant) {
        return mongo.find(query(where("recipientId").is(participant.id())), InboxItem.class);
    }

    private ResultActions asUser(Participant participant,
                                 MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + participant.token()));
    }
}
