package ml.sdn.competition.applications;

import java.util.List;

/**
 * An application as a juror reads it. Under blind review ({@code blind}) it carries nothing that names
 * the applicant: no applicant or organisation name, no team member names (only the roles and the team
 * size), no country, no contact; otherwise {@code applicantName} and {@code organizationName} are
 * filled by the caller from the registration copies. The pitch deck link and the PDF are the
 * applicant's own documents and are shown as they are (applicants are told not to sign them).
 */
public record JurorView(
        String id,
        String categoryId,
        String title,
        String summary,
        String problem,
        String solution,
        String targetUsers,
        Application.Stage stage,
        String challenge,
        int teamSize,
        List<String> teamRoles,
        String pitchDeckUrl,
        boolean hasAttachment,
        boolean blind,
        String applicantName,
        String organizationName,
        String country) {

    public static JurorView of(Application application, boolean blind, String applicantName, String organizationName) {
        Application.ApplicationContent content = application.content();
        List<Application.TeamMember> team = content.team() == null ? List.of() : content.team();
        return new JurorView(application.id(), application.categoryId(), content.title(), content.summary(),
                content.problem(), content.solution(), content.targetUsers(), content.stage(), content.challenge(),
                team.size(), team.stream().map(Application.TeamMember::role).toList(), content.pitchDeckUrl(),
                application.attachment() != null, blind,
                blind ? null : applicantName, blind ? null : organizationName, blind ? null : application.country());
    }
}
