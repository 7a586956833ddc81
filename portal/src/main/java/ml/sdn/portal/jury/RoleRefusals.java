package ml.sdn.portal.jury;

import jakarta.servlet.http.HttpServletResponse;
import ml.sdn.portal.web.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Someone signed in without the juror's or coach's role opens one of their pages: the "not allowed" page
 * in their language (403). Left to Spring Security, the resource server's access-denied handler answers
 * 403 with no body, a blank page. Only for the juror's and coach's controllers; belongs in web/ErrorPages.
 */
@ControllerAdvice(basePackages = {"ml.sdn.portal.jury", "ml.sdn.portal.coach"})
class RoleRefusals {

    @ExceptionHandler(AccessDeniedException.class)
    String refused(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("user", CurrentUser.current().orElse(null));
        model.addAttribute("status", 403);
        return "error/problem";
    }
}
