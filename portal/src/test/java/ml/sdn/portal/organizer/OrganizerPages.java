package ml.sdn.portal.organizer;

import ml.sdn.portal.web.CurrentUser;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Renders an organizer page as the portal would (its template, the layout, both bundles) from a model. */
final class OrganizerPages {

    private static final SpringTemplateEngine ENGINE = engine();

    private OrganizerPages() {
    }

    static String render(String template, Map<String, Object> model, Locale locale, String query) {
        JakartaServletWebApplication application = JakartaServletWebApplication.buildApplication(new MockServletContext());
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("user", new CurrentUser("o-1", "organizer-ml", "Moussa Keïta", "o@example.org", "ML",
                Set.of("organizer"), "token"));
        variables.put("csrf", "csrf-token");
        variables.put("lang", locale.getLanguage());
        variables.put("here", "/page");
        variables.put("when", new When());
        variables.put("words", new ml.sdn.portal.web.Words(ml.sdn.portal.participant.PageRendering.messages(), locale));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/page");
        if (query != null) {
            request.setQueryString(query);
            request.addParameter(query, "");
        }
        WebContext context = new WebContext(application.buildExchange(request, new MockHttpServletResponse()), locale, variables);
        return ENGINE.process(template, context);
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/organizer", "i18n/directory", "i18n/doors", "i18n/programme", "i18n/operations");
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
