package ml.sdn.portal.organizer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ml.sdn.portal.web.CurrentUser;
import ml.sdn.portal.web.PortalModel;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A signed-in person without the role of the organizer or coordinator pages ({@code @PreAuthorize}) gets
 * the 403 page in their language, not the resource server's empty 403. (The foundation's error pages
 * handle only the services' refusals; this belongs there for every area.)
 */
@ControllerAdvice(basePackages = {"ml.sdn.portal.organizer", "ml.sdn.portal.coordinator"})
class RoleRefused {

    @ExceptionHandler(AccessDeniedException.class)
    String refused(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        // an exception handler's model has none of the layout's attributes: the signed-in person stays signed in
        model.addAttribute("user", CurrentUser.current().orElse(null));
        String csrf = request.getHeader(PortalModel.CSRF_HEADER);
        model.addAttribute("csrf", csrf == null ? "" : csrf);
        model.addAttribute("here", "/");
        model.addAttribute("status", 403);
        model.addAttribute("problem", null);
        return "error/problem";
    }
}
