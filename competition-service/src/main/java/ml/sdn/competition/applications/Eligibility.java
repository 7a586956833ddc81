package ml.sdn.competition.applications;

import ml.sdn.competition.registrations.RegisteredOrganization;
import ml.sdn.competition.registrations.RegisteredParticipant;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who may apply to a category, read from this service's own copies of registration data:
 * <ul>
 * <li>for an organisation: its copy exists, the applicant is its owner or a member, its type is one
 * the category admits and its country is in the AES space (ML, BF, NE);</li>
 * <li>alone (no organisation): only where the category admits PROJECT_TEAM (a holder alone is a team of one);</li>
 * <li>to submit, also: the applicant's own copy exists, is not erased and is from the AES space, and the
 * content holds every required field.</li>
 * </ul>
 * "One live application per organisation (or person) per category" is held by {@link #claimKey} in a
 * unique index, not here. A copy not there yet means the registration event is still on its way
 * (the answer is "try again in a moment"), not that the person is ineligible.
 */
public final class Eligibility {

    public static final Set<String> AES_COUNTRIES = Set.of("ML", "BF", "NE");
    static final String PROJECT_TEAM = "PROJECT_TEAM";

    /** The fields a submitted application must hold, in the order of the form. */
    public static final List<String> REQUIRED_FIELDS =
            List.of("title", "summary", "problem", "solution", "targetUsers", "stage", "team");

    private Eligibility() {
    }

    public sealed interface Verdict {
    }

    public record Eligible() implements Verdict {
    }

    /** Whose registration copy has not arrived yet. */
    public enum Pending { APPLICANT, ORGANIZATION }

    public record RegistrationPending(Pending whose) implements Verdict {
    }

    /**
     * Not eligible: {@code field} names the request field at fault ({@code organizationId}), or is null
     * when the reason is the applicant themself (their country, their erasure). {@code reason} is a message key.
     */
    public record Refused(String field, String reason, List<Object> arguments) implements Verdict {

        public Refused {
            arguments = List.copyOf(arguments);
        }

        static Refused of(String field, String reason, Object... arguments) {
            return new Refused(field, reason, List.of(arguments));
        }
    }

    /** Required fields missing, each named. */
    public record Incomplete(List<String> missing) implements Verdict {

        public Incomplete {
            missing = List.copyOf(missing);
        }
    }

    /**
     * Whether {@code applicantId} may hold an application for {@code organizationId} (null: alone) in a
     * category admitting {@code admittedTypes}: checked when the draft takes its claim, and again at submission.
     */
    public static Verdict mayApplyFor(List<String> admittedTypes, String applicantId, String organizationId,
                                      RegisteredOrganization organization) {
        if (organizationId == null) {
            return admittedTypes.contains(PROJECT_TEAM) ? new Eligible()
                    : Refused.of("organizationId", "application.organizationId.required");
        }
        if (organization == null) {
            return new RegistrationPending(Pending.ORGANIZATION);
        }
        boolean owner = applicantId.equals(organization.ownerId());
        boolean member = organization.participantIds() != null && organization.participantIds().contains(applicantId);
        if (!owner && !member) {
            return Refused.of("organizationId", "application.organizationId.not-member");
        }
        if (organization.type() == null || !admittedTypes.contains(organization.type())) {
            return Refused.of("organizationId", "application.organizationId.type", String.valueOf(organization.type()),
                    String.join(", ", admittedTypes));
        }
        if (!AES_COUNTRIES.contains(organization.country())) {
            return Refused.of("organizationId", "application.organizationId.country", String.valueOf(organization.country()));
        }
        return new Eligible();
    }

    /** Everything checked at submission, the first failure in the order a person would fix them. */
    public static Verdict toSubmit(List<String> admittedTypes, String applicantId, RegisteredParticipant applicant,
                                   String organizationId, RegisteredOrganization organization,
                                   Application.ApplicationContent content) {
        if (applicant == null) {
            return new RegistrationPending(Pending.APPLICANT);
        }
        if (applicant.erased()) {
            return Refused.of(null, "application.applicant.erased");
        }
        if (!AES_COUNTRIES.contains(applicant.country())) {
            return Refused.of(null, "application.applicant.country", String.valueOf(applicant.country()));
        }
        Verdict holder = mayApplyFor(admittedTypes, applicantId, organizationId, organization);
        if (!(holder instanceof Eligible)) {
            return holder;
        }
        List<String> missing = missingFields(content);
        return missing.isEmpty() ? new Eligible() : new Incomplete(missing);
    }

    /** The required fields {@code content} lacks (blank text counts as missing; the team needs one member). */
    public static List<String> missingFields(Application.ApplicationContent content) {
        List<String> missing = new ArrayList<>();
        if (content == null) {
            return REQUIRED_FIELDS;
        }
        if (blank(content.title())) {
            missing.add("title");
        }
        if (blank(content.summary())) {
            missing.add("summary");
        }
        if (blank(content.problem())) {
            missing.add("problem");
        }
        if (blank(content.solution())) {
            missing.add("solution");
        }
        if (blank(content.targetUsers())) {
            missing.add("targetUsers");
        }
        if (content.stage() == null) {
            missing.add("stage");
        }
        if (content.team() == null || content.team().isEmpty()) {
            missing.add("team");
        }
        return missing;
    }

    /** The claim of one live application per organisation (or person alone) per category. */
    public static String claimKey(String categoryId, String applicantId, String organizationId) {
        return organizationId == null ? categoryId + ":person:" + applicantId : categoryId + ":organization:" + organizationId;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
