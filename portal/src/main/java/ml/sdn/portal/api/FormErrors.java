package ml.sdn.portal.api;

import org.springframework.ui.Model;

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

    public static void showField(Model model, String field, String message) {
        model.addAttribute("fieldErrors", Map.of(field, message));
    }
}
