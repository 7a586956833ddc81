package ml.sdn.competition.editions;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTest {

    private final ResourceBundleMessageSource messages = messages();

    @Test
    void a_problem_names_phases_and_dates_in_words_in_french_and_english() {
        Object[] args = {Words.phases(EnumSet.of(Phase.FINAL, Phase.EVALUATION)), Words.phase(Optional.of(Phase.PRESELECTION))};

        assertThat(messages.getMessage("jury.phase.closed", args, Locale.FRENCH))
                .isEqualTo("Ce n'est possible que pendant la phase « Évaluation » ou « Finale » (la catégorie est en phase « Présélection »).");
        assertThat(messages.getMessage("jury.phase.closed", args, Locale.ENGLISH))
                .isEqualTo("This is only possible during phase \"Evaluation\" or \"Final\" (the category is in phase \"Preselection\").");
        assertThat(messages.getMessage(Words.dateTime(Instant.parse("2026-11-18T09:05:00Z")), Locale.FRENCH))
                .isEqualTo("18 novembre 2026 à 09:05");
        assertThat(messages.getMessage(Words.dateTime(Instant.parse("2026-11-18T09:05:00Z")), Locale.ENGLISH))
                .isEqualTo("November 18, 2026 at 09:05");
        assertThat(messages.getMessage(Words.phase(Optional.empty()), Locale.FRENCH)).isEqualTo("« aucune »");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/editions", "i18n/applications", "i18n/jury", "i18n/selection");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
