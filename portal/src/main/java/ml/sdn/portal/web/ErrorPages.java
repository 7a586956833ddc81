package ml.sdn.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ml.sdn.portal.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * A refusal no form handled becomes a page in the user's language: not found (404, also for other
 * people's things, which the services hide behind 404), not allowed (403), signed out (401: back through
 * the gateway's sign-in), or "try again later" when a service is down. An address no page answers, and a
 * page that fails, get the same page with the header (who is signed in, the sign-out form) rather than
 * Boot's bare {@code /error} view, which is left for what fails outside the controllers.
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

    /** An address no page answers (signed in: visitors are sent to sign in by the gateway first). */
    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(404);
        layoutModel(request, model);
        model.addAttribute("status", 404);
        return "error/problem";
    }

    /**
     * Anything else: a request Spring MVC refuses (wrong method, missing parameter: its own status, the
     * "request not valid" text), or a page that failed (500, logged with its cause).
     */
    @ExceptionHandler(Exception.class)
    String failed(Exception failure, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (DisconnectedClientHelper.isClientDisconnectedException(failure)) {
            return null; // the phone went away mid-page: nobody to show a page to, nothing to log as an error
        }
        int status = failure instanceof ErrorResponse known ? known.getStatusCode().value() : 500;
        if (status >= 500) {
            log.error("Page {} failed", request.getRequestURI(), failure);
        }
        response.setStatus(status);
        layoutModel(request, model);
        model.addAttribute("status", status == 404 || status == 403 ? status : status >= 500 ? 500 : 400);
        return "error/problem";
    }

    /** Exception handlers get an empty model: the layout still shows who is signed in and the sign-out form. */
    private static void layoutModel(HttpServletRequest request, Model model) {
        model.addAttribute("user", CurrentUser.current().orElse(null));
        String csrf = request.getHeader(PortalModel.CSRF_HEADER);
        model.addAttribute("csrf", csrf == null ? "" : csrf);
    }
}
