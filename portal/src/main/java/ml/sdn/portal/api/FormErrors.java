package ml.sdn.portal.api;

import org.springframework.ui.Model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts a refused call on the page: {@code problem} (the sentence above the form) and {@code fieldErrors}
 * (field → message), which the {@code layout :: fieldError(name)} fragment shows next to each input.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /** Only client errors belong on a form; a service that is down goes to the error page. */
    public static void show(Model model, ApiException refused) {
        if (!refused.isClientError()) {
            throw refused;
        }
        model.addAttribute("problem", refused.problem().message());
        model.addAttribute("fieldErrors", refused.problem().fieldErrors());
    }

    /**
     * Like {@link #show}, with the portal's own field errors (what it could not even read, say) added to the
     * service's: for the same field, the portal's message wins (the service saw only a blank there).
     */
    public static void show(Model model, ApiException refused, Map<String, String> portalErrors) {
        show(model, refused);
        if (!portalErrors.isEmpty()) {
            Map<String, String> errors = new LinkedHashMap<>(refused.problem().fieldErrors());
            errors.putAll(portalErrors);
            model.addAttribute("fieldErrors", errors);
        }
    }

    /** Like {@link #show}; a refusal that names no field (a size limit, say) is shown next to {@code field}. */
    public static void showOn(Model model, ApiException refused, String field) {
        if (refused.isClientError() && refused.problem().fieldErrors().isEmpty()) {
            showField(model, field, refused.problem().message());
        } else {
            show(model, refused);
        }
    }

    public static void showField(Model model, String field, String message) {
        model.addAttribute("fieldErrors", Map.of(field, message));
    }
}
