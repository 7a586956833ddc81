package ml.sdn.portal.participant;

import java.util.Map;

/** What a posted form holds, as the services want it: a blank field is no value (null), other text trimmed. */
public final class FormFields {

    private FormFields() {
    }

    public static String text(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
