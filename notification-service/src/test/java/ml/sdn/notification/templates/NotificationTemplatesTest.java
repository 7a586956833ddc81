package ml.sdn.notification.templates;

import ml.sdn.notification.catalogue.Language;
import ml.sdn.notification.catalogue.NotificationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationTemplatesTest {

    /** A model for every kind of the catalogue, as its listener builds it. */
    private static final Map<NotificationKind, Map<String, Object>> SAMPLES = new EnumMap<>(Map.of(
            NotificationKind.PROFILE_CREATED, Map.of("recipientName", "Awa Traoré", "country", "BF"),
            NotificationKind.MEMBER_INVITED, Map.of("organizationName", "Kalanso", "inviter", Map.of("name", "Awa Traoré"),
                    "role", "CTO", "acceptLink", "https://sdn.gouv.ml/invitations/i-1?token=t0k3n",
                    "expiresAt", "2026-01-31T18:00:00Z"),
            NotificationKind.ATTENDANCE_CONFIRMED, Map.of("recipientName", "Awa Traoré", "day", "2026-01-29",
                    "badgeCode", "SDN-7Q2K"),
            NotificationKind.ATTENDANCE_WAIT_LISTED, Map.of("recipientName", "Awa Traoré", "day", "2026-01-30", "position", 3),
            NotificationKind.ATTENDANCE_PROMOTED, Map.of("recipientName", "Awa Traoré", "day", "2026-01-29",
                    "badgeCode", "SDN-7Q2K"),
            NotificationKind.ATTENDANCE_CANCELLED, Map.of("recipientName", "Awa Traoré", "day", "2026-01-31")));

    private final NotificationTemplates templates = new NotificationTemplates(messages());

    static ResourceBundleMessageSource messages() {
        // as application.yml configures Boot's message source
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }

    @Test
    void every_kind_of_the_catalogue_has_a_sample_model_here() {
        assertThat(SAMPLES).containsOnlyKeys(NotificationKind.values());
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void every_kind_renders_in_french_and_english_without_leftover_markup(NotificationKind kind) {
        for (Language language : Language.values()) {
            RenderedMessage message = templates.render(kind, language, SAMPLES.get(kind));

            assertThat(message.language()).isEqualTo(language);
            assertThat(message.subject()).isNotBlank().doesNotContain("\n", "{{", "}}");
            assertThat(message.body()).isNotBlank().doesNotContain("{{", "}}");
        }
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void french_and_english_texts_differ(NotificationKind kind) {
        RenderedMessage french = templates.render(kind, Language.FR, SAMPLES.get(kind));
        RenderedMessage english = templates.render(kind, Language.EN, SAMPLES.get(kind));

        assertThat(french.subject()).isNotEqualTo(english.subject());
        assertThat(french.body()).isNotEqualTo(english.body());
    }

    @Test
    void profile_created_welcomes_the_participant_in_french() {
        RenderedMessage message = templates.render(NotificationKind.PROFILE_CREATED, Language.FR,
                Map.of("recipientName", "Awa Traoré", "country", "BF"));

        assertThat(message.subject()).isEqualTo("Bienvenue à la Semaine du Numérique, Awa Traoré");
        assertThat(message.body())
                .startsWith("Bonjour Awa Traoré,")
                .contains("Votre profil de participant à la Semaine du Numérique est créé.")
                .contains("Pays : Burkina Faso")
                .endsWith("L'équipe de la Semaine du Numérique\n");
    }

    @Test
    void profile_created_welcomes_the_participant_in_english() {
        RenderedMessage message = templates.render(NotificationKind.PROFILE_CREATED, Language.EN,
                Map.of("recipientName", "Moussa Issa", "country", "NE"));

        assertThat(message.subject()).isEqualTo("Welcome to the Semaine du Numérique, Moussa Issa");
        assertThat(message.body())
                .startsWith("Hello Moussa Issa,")
                .contains("Your participant profile")
                .contains("Country: Niger")
                .endsWith("The Semaine du Numérique team\n");
    }

    @Test
    void a_promotion_tells_the_participant_in_french_that_the_freed_place_is_theirs_with_their_badge() {
        RenderedMessage message = templates.render(NotificationKind.ATTENDANCE_PROMOTED, Language.FR,
                SAMPLES.get(NotificationKind.ATTENDANCE_PROMOTED));

        assertThat(message.subject())
                .isEqualTo("Bonne nouvelle : une place s'est libérée, vous êtes inscrit(e) le jeudi 29 janvier 2026");
        assertThat(message.body())
                .startsWith("Bonjour Awa Traoré,")
                .contains("Une place s'est libérée pour le jeudi 29 janvier 2026 : elle est à vous.")
                .contains("Votre code de badge : SDN-7Q2K")
                .endsWith("L'équipe de la Semaine du Numérique\n");
    }

    @Test
    void a_promotion_in_english_writes_the_day_the_english_way() {
        RenderedMessage message = templates.render(NotificationKind.ATTENDANCE_PROMOTED, Language.EN,
                SAMPLES.get(NotificationKind.ATTENDANCE_PROMOTED));

        assertThat(message.subject())
                .isEqualTo("Good news: a place has freed up, you are registered for Thursday, January 29, 2026");
        assertThat(message.body()).contains("Your badge code: SDN-7Q2K");
    }

    @Test
    void a_confirmation_without_a_badge_code_has_no_badge_paragraph() {
        RenderedMessage message = templates.render(NotificationKind.ATTENDANCE_CONFIRMED, Language.FR,
                Map.of("recipientName", "Awa", "day", "2026-01-29"));

        assertThat(message.subject()).isEqualTo("Votre place est confirmée pour le jeudi 29 janvier 2026");
        assertThat(message.body()).doesNotContain("badge :").doesNotContain("\n\n\n");
    }

    @Test
    void the_waiting_list_notice_gives_the_position() {
        assertThat(templates.render(NotificationKind.ATTENDANCE_WAIT_LISTED, Language.FR,
                SAMPLES.get(NotificationKind.ATTENDANCE_WAIT_LISTED)).subject())
                .isEqualTo("Liste d'attente du vendredi 30 janvier 2026 : vous êtes en position 3");
        assertThat(templates.render(NotificationKind.ATTENDANCE_WAIT_LISTED, Language.EN,
                SAMPLES.get(NotificationKind.ATTENDANCE_WAIT_LISTED)).subject())
                .isEqualTo("Waiting list for Friday, January 30, 2026: you are number 3");
    }

    @Test
    void an_invitation_in_french_names_the_organisation_the_inviter_the_role_the_link_and_the_expiry() {
        RenderedMessage message = templates.render(NotificationKind.MEMBER_INVITED, Language.FR,
                SAMPLES.get(NotificationKind.MEMBER_INVITED));

        assertThat(message.subject()).isEqualTo("Invitation à rejoindre Kalanso sur la plateforme de la Semaine du Numérique");
        assertThat(message.body())
                .startsWith("Bonjour,")
                .contains("Awa Traoré vous invite à rejoindre l'organisation « Kalanso » en tant que CTO sur la plateforme")
                .contains("\nhttps://sdn.gouv.ml/invitations/i-1?token=t0k3n\n")
                .contains("Il expire le samedi 31 janvier 2026 à 18:00 (heure GMT).");
    }

    @Test
    void an_invitation_in_english_without_inviter_or_role_still_reads_well() {
        RenderedMessage message = templates.render(NotificationKind.MEMBER_INVITED, Language.EN,
                Map.of("organizationName", "Kalanso", "acceptLink", "https://sdn.gouv.ml/i/1?token=x",
                        "expiresAt", "2026-01-31T18:00:00Z"));

        assertThat(message.subject()).isEqualTo("Invitation to join Kalanso on the Semaine du Numérique platform");
        assertThat(message.body())
                .startsWith("Hello,")
                .contains("You are invited to join the organisation \"Kalanso\" on the platform")
                .contains("It expires on Saturday, January 31, 2026 at 18:00 (GMT).");
    }

    @Test
    void a_day_that_is_not_an_iso_date_is_an_error() {
        assertThatThrownBy(() -> templates.render(NotificationKind.ATTENDANCE_CANCELLED, Language.FR,
                Map.of("recipientName", "Awa", "day", "demain")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_unknown_country_reads_as_the_aes_space() {
        RenderedMessage message = templates.render(NotificationKind.PROFILE_CREATED, Language.EN,
                Map.of("recipientName", "X", "country", "unknown"));

        assertThat(message.body()).contains("Country: AES space");
    }

    @Test
    void plain_text_is_not_html_escaped() {
        RenderedMessage message = templates.render(NotificationKind.PROFILE_CREATED, Language.FR,
                Map.of("recipientName", "N'Golo & <Fils>", "country", "ML"));

        assertThat(message.subject()).endsWith("N'Golo & <Fils>");
    }

    @Test
    void a_value_missing_from_the_model_is_an_error_not_a_blank() {
        assertThatThrownBy(() -> templates.render(NotificationKind.PROFILE_CREATED, Language.FR,
                Map.of("country", "ML")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recipientName");
    }
}
