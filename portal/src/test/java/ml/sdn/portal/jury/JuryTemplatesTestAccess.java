package ml.sdn.portal.jury;

import java.util.Map;

/** Lets the coach's template test render pages the same way as the juror's. */
public final class JuryTemplatesTestAccess {

    private JuryTemplatesTestAccess() {
    }

    public static String render(String template, Map<String, Object> model, String path) {
        return JuryTemplatesTest.render(template, model, path);
    }
}
