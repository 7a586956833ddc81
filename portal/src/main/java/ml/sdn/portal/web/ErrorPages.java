package ml.sdn.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ml.sdn.portal.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refusal no form handled becomes a page in the user's language: not found (404, also for other
 * people's things, which the services hide behind 404), not allowed (403), signed out (401: back through
 * the gateway's sign-in), or "try again later" when a service is down.
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    /** A page of another role ({@code @PreAuthorize} on the area's controller): the not-allowed page, with the header. */
    @ExceptionHandler(AccessDeniedException.class)
    String notAllowed(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(403);
        layoutModel(request, model);
        model.addAttribute("status", 403);
        return "error/problem";
    }

    @ExceptionHandler(ApiException.class)
    String refused(ApiException refused, HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = refused.status();
        if (status == 401) {
            return "redirect:/oauth2/authorization/keycloak";
        }
        if (status >= 500) {
            log.warn("A service could not answer: {}", refused.getMessage());
        }
        int shown = status == 404 || status == 403 || status == 409 || status == 400 ? status : 503;
        response.setStatus(shown);
        layoutModel(request, model);
        model.addAttribute("status", shown);
        model.addAttribute("problem", status < 500 ? refused.problem().message() : null);
        return "error/problem";
    }

    /** Exception handlers get an empty model: the layout still shows who is signed in and the sign-out form. */
    private static void layoutModel(HttpServletRequest request, Model model) {
        model.addAttribute("user", CurrentUser.current().orElse(null));
        String csrf = request.getHeader(PortalModel.CSRF_HEADER);
        model.addAttribute("csrf", csrf == null ? "" : csrf);
    }
}
