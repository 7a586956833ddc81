package ml.sdn.registration.organizations;

import ml.sdn.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** An expected failure with a status the platform has no exception for (403 for the wrong invitee, 410 for a spent link). */
class OrganizationProblem extends ProblemException {

    OrganizationProblem(HttpStatus status, String messageKey, Object... arguments) {
        super(status, messageKey, null, arguments);
    }
}
