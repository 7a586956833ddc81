package ml.sdn.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: who is signed in ({@code user}, null for visitors), the gateway's CSRF
 * token for forms ({@code csrf}), the page's language ({@code lang}) and its own address ({@code here},
 * for the language switch to come back to) and the codes' words in that language ({@code words}).
 */
@ControllerAdvice
public class PortalModel {

    private final MessageSource messages;

    public PortalModel(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("words")
    Words words() {
        return new Words(messages, LocaleContextHolder.getLocale());
    }

    /** Set by the gateway on requests it routes here: the XOR-masked token its CSRF check expects in {@code _csrf}. */
    public static final String CSRF_HEADER = "X-Sdn-Csrf-Token";

    @ModelAttribute("user")
    CurrentUser user() {
        return CurrentUser.current().orElse(null);
    }

    @ModelAttribute("csrf")
    String csrf(HttpServletRequest request) {
        String token = request.getHeader(CSRF_HEADER);
        return token == null ? "" : token;
    }

    @ModelAttribute("lang")
    String lang() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
