package ml.sdn.portal.participant;

import ml.sdn.portal.web.CurrentUser;
import ml.sdn.portal.web.Words;
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

/**
 * Renders a participant page as the portal would (its templates, the layout, both bundles) from a model
 * built in the test: every expression of the page is evaluated, so a wrong property or key fails here in
 * a second rather than in the browser tests.
 */
public final class PageRendering {

    private static final ResourceBundleMessageSource MESSAGES = messages();
    private static final SpringTemplateEngine ENGINE = engine();

    private PageRendering() {
    }

    public static String render(String template, Map<String, Object> model, String query, Locale locale) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/page");
        if (query != null) {
            request.setQueryString(query);
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                request.addParameter(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        JakartaServletWebApplication application = JakartaServletWebApplication.buildApplication(new MockServletContext());
        Map<String, Object> variables = new HashMap<>(model);
        variables.putIfAbsent("user", new CurrentUser("id-1", "awa", "Awa Ouédraogo", "awa@example.org", "BF",
                Set.of("participant"), "token"));
        variables.putIfAbsent("csrf", "csrf-token");
        variables.putIfAbsent("lang", locale.getLanguage());
        variables.putIfAbsent("here", "/page");
        variables.putIfAbsent("words", new Words(MESSAGES, locale));
        WebContext context = new WebContext(application.buildExchange(request, new MockHttpServletResponse()), locale, variables);
        return ENGINE.process(template, context);
    }

    public static String french(String template, Map<String, Object> model) {
        return render(template, model, null, Locale.FRENCH);
    }

    /** The portal's bundles, as application.yml lists them. */
    public static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/participant", "i18n/jury", "i18n/coach", "i18n/results", "i18n/organizer",
                "i18n/coordinator", "i18n/checkin", "i18n/directory", "i18n/doors", "i18n/programme", "i18n/operations", "i18n/badges", "i18n/incubation",
                "i18n/group-messages", "i18n/walkins", "i18n/sms");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true); // as the portal (spring.messages.always-use-message-format)
        return messages;
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        engine.setTemplateEngineMessageSource(MESSAGES);
        engine.setEnableSpringELCompiler(false);
        return engine;
    }
}
