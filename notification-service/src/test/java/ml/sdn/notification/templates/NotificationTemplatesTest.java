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
            NotificationKind.PROFILE_CREATED, Map.of("recipientName", "Awa Traoré", "country", "BF")));

    private final NotificationTemplates templates = new NotificationTemplates(messages());

    static ResourceBundleMessageSource messages() {
        // as application.yml configures Boot's message source
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
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
