package ml.sdn.portal.organizer;

import org.springframework.core.ParameterizedTypeReference;

import java.util.List;
import java.util.Map;

/** The services' JSON as plain maps and lists, for organizer pages that show it as the service explains it. */
public final class Json {

    public static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    public static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    private Json() {
    }

    /** A whole number typed in a form, or null (the service then names the field as missing). */
    static Integer number(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    static String blankToNull(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }
}
