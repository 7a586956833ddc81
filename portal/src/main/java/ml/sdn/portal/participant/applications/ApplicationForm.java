package ml.sdn.portal.participant.applications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static ml.sdn.portal.participant.FormFields.text;

/**
 * The application form without JavaScript: plain fields named as competition-service names them, and a fixed
 * number of team rows ({@code team0Name}, {@code team0Role}, …); rows left empty are not sent.
 */
final class ApplicationForm {

    static final int TEAM_ROWS = 5;
    static final List<String> TEXT_FIELDS = List.of("title", "summary", "problem", "solution", "targetUsers", "stage",
            "challenge", "pitchDeckUrl");

    private ApplicationForm() {
    }

    /** The JSON body: on creation with the category and the organisation (none: a project holder alone). */
    static Map<String, Object> body(Map<String, String> form, boolean creating) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (creating) {
            body.put("categoryId", text(form, "categoryId"));
            body.put("organizationId", text(form, "organizationId"));
        }
        TEXT_FIELDS.forEach(field -> body.put(field, text(form, field)));
        List<Map<String, String>> team = new ArrayList<>();
        for (int row = 0; row < TEAM_ROWS; row++) {
            String name = text(form, "team" + row + "Name");
            String role = text(form, "team" + row + "Role");
            if (name != null || role != null) {
                Map<String, String> member = new LinkedHashMap<>();
                member.put("name", name);
                member.put("role", role);
                team.add(member);
            }
        }
        body.put("team", team);
        return body;
    }

    /** The form filled from what the service holds. */
    static Map<String, String> of(MyApplication application) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("categoryId", application.categoryId());
        form.put("organizationId", application.organizationId());
        form.put("title", application.title());
        form.put("summary", application.summary());
        form.put("problem", application.problem());
        form.put("solution", application.solution());
        form.put("targetUsers", application.targetUsers());
        form.put("stage", application.stage());
        form.put("challenge", application.challenge());
        form.put("pitchDeckUrl", application.pitchDeckUrl());
        List<MyApplication.TeamMember> team = application.team() == null ? List.of() : application.team();
        for (int row = 0; row < Math.min(team.size(), TEAM_ROWS); row++) {
            form.put("team" + row + "Name", team.get(row).name());
            form.put("team" + row + "Role", team.get(row).role());
        }
        return form;
    }
}
