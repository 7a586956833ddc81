package ml.sdn.portal.organizer;

import ml.sdn.portal.web.CurrentUser;
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

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The organizer's delegation page rendered from a model (its template, the layout, both bundles). */
class DelegationPageTest {

    private static final Map<String, Object> PERSON = Map.of("participantId", "p-1", "displayName", "Awa Traoré",
            "country", "BF", "history", List.of(Map.of("previousCountry", "ML", "country", "BF",
                    "reason", "Vit à Ouagadougou", "changedBy", "o-1", "changedByName", "Moussa Keïta",
                    "changedAt", "2026-12-01T10:00:00Z")));

    @Test
    void every_error_is_next_to_its_field_and_what_was_typed_stays() {
        Map<String, Object> model = model();
        model.put("country", "");
        model.put("reason", "Parce que");
        model.put("problem", "La demande contient des erreurs.");
        model.put("fieldErrors", Map.of("country", "choisissez la délégation", "reason", "500 caractères au plus"));

        String page = render(model, Locale.FRENCH);

        assertThat(page).contains("id=\"country-error\"", "choisissez la délégation", "id=\"reason-error\"",
                "500 caractères au plus", ">Parce que</textarea>", "La demande contient des erreurs.");
    }

    @Test
    void countries_are_read_by_their_names_in_french_and_english() {
        String french = render(model(), Locale.FRENCH);
        String english = render(model(), Locale.ENGLISH);

        assertThat(french).contains("Délégation de Awa Traoré", "<dd id=\"current-country\">Burkina Faso</dd>",
                "<td>Mali</td>", "Vit à Ouagadougou", "Moussa Keïta", "1 décembre 2026", "<option value=\"NE\">Niger</option>");
        assertThat(english).contains("Delegation of Awa Traoré", "Change delegation", "<td>Mali</td>");
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("person", PERSON);
        model.put("countries", OrganizerDelegationController.COUNTRIES);
        model.put("country", "");
        model.put("reason", "");
        return model;
    }

    private static String render(Map<String, Object> model, Locale locale) {
        JakartaServletWebApplication application = JakartaServletWebApplication.buildApplication(new MockServletContext());
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("user", new CurrentUser("o-1", "organizer-bf", "Moussa Keïta", "o@example.org", "BF",
                Set.of("organizer"), "token"));
        variables.put("csrf", "csrf-token");
        variables.put("lang", locale.getLanguage());
        variables.put("here", "/page");
        variables.put("when", new When());
        variables.put("words", new ml.sdn.portal.web.Words(ml.sdn.portal.participant.PageRendering.messages(), locale));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/page");
        WebContext context = new WebContext(application.buildExchange(request, new MockHttpServletResponse()), locale, variables);
        return engine().process("organizer/delegation", context);
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/organizer");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        engine.setTemplateEngineMessageSource(messages);
        engine.setEnableSpringELCompiler(false);
        return engine;
    }
}
