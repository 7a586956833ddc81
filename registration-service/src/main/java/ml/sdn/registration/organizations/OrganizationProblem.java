package ml.sdn.registration.organizations;

import ml.sdn.platform.rules.Refusal;
import ml.sdn.platform.rules.RuleException;

/** An expected failure with a status the platform has no exception for (403 for the wrong invitee, 410 for a spent link). */
class OrganizationProblem extends RuleException {

    OrganizationProblem(Refusal refusal, String messageKey, Object... arguments) {
        super(refusal, messageKey, null, arguments);
    }
}
