package ml.sdn.portal.jury;

import jakarta.servlet.http.HttpServletRequest;
import ml.sdn.portal.home.PublicEdition.Text;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The juror's templates render with the bundles, in French, with errors next to their fields (no service, no browser). */
class JuryTemplatesTest {

    static final List<JuryReview.Criterion> CRITERIA = List.of(
            new JuryReview.Criterion("impact", new Text("Impact", "Impact"), 40),
            new JuryReview.Criterion("team", new Text("Équipe", "Team"), 60));

    @Test
    void the_score_sheet_shows_weights_and_the_services_error_next_to_its_field() {
        JuryReview review = review("ASSIGNED", null, true);
        Map<String, Object> model = new HashMap<>();
        model.put("review", review);
        model.put("form", ScoreForm.typed(CRITERIA, Map.of("score.impact", "7,5")));
        model.put("revealsScores", false);
        model.put("fieldErrors", Map.of("scores.impact.comment", "Un commentaire est obligatoire pour chaque note."));
        model.put("problem", "La demande n’est pas valide.");

        String html = render("jury/application", model, "/jury/applications/a1");

        assertThat(html).contains("Impact (poids 40 %)", "Équipe (poids 60 %)", "value=\"7,5\"",
                "id=\"scores.impact.comment-error\"", "aria-describedby=\"scores.impact.comment-error\"",
                "Conflit d’intérêts", "Évaluation à l’aveugle");
    }

    @Test
    void the_list_and_a_scored_review_with_the_others_scores() {
        JuryReview scored = review("SUBMITTED", Map.of("impact", new JuryReview.Score(7.5, "Bien"),
                "team", new JuryReview.Score(6, "Petite")), false);
        Map<String, Object> model = new HashMap<>();
        model.put("reviews", List.of(scored));
        model.put("toScore", 0L);
        assertThat(render("jury/reviews", model, "/jury")).contains("Notée", "total 6,60 / 10", "Présélection");

        model.put("review", scored);
        model.put("form", ScoreForm.stored(scored));
        model.put("revealsScores", true);
        model.put("others", new OtherScores("a1", List.of(new OtherScores.Line("PRESELECTION", "Juror 1", true,
                scored.scores(), 6.6))));
        assertThat(render("jury/application", model, "/jury/applications/a1")).contains("Moi", "6,60", "Votre total : 6,60 / 10");
    }

    private static JuryReview review(String status, Map<String, JuryReview.Score> scores, boolean open) {
        return new JuryReview("r1", "PRESELECTION", status, "e1", "c1", new Text("Défi start-up", "Start-up challenge"), CRITERIA,
                new JuryReview.Scale(0, 10, 0.5), scores, scores == null ? null : 6.6, Instant.now(), null, open,
                Instant.parse("2026-12-01T18:00:00Z"),
                new JuryReview.Application("a1", "c1", "Récolte Connect", "Résumé", "Problème", "Solution", "Coopératives", "MVP",
                        "Agriculture", 2, List.of("CEO", "CTO"), "https://example.org/deck.pdf", false, true, null, null, null),
                scores == null || open ? null : Instant.now());
    }

    /** Renders a page as the portal would (French, layout and bundles), for a signed-out page shell. */
    static String render(String template, Map<String, Object> model, String path) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/jury", "i18n/coach", "i18n/organizer");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true); // as application.yml says
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        MockServletContext servletContext = new MockServletContext();
        HttpServletRequest request = new MockHttpServletRequest(servletContext, "GET", path);
        JakartaServletWebApplication application = JakartaServletWebApplication.buildApplication(servletContext);
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("csrf", "token");
        variables.put("lang", "fr");
        variables.put("here", path);
        variables.put("words", new ml.sdn.portal.web.Words(messages, Locale.FRENCH));
        WebContext context = new WebContext(application.buildExchange(request, new MockHttpServletResponse()), Locale.FRENCH, variables);
        return engine.process(template, context);
    }
}
