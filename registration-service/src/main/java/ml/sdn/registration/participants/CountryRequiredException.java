package ml.sdn.registration.participants;

import ml.sdn.platform.rules.Refusal;
import ml.sdn.platform.rules.RuleException;

/** 403: the token carries no country of the AES space (ML, BF, NE), so there is no plan or delegation to act in. */
class CountryRequiredException extends RuleException {

    CountryRequiredException() {
        super(Refusal.NOT_ALLOWED, "participant.country.missing", null);
    }
}
