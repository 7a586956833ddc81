package ml.sdn.registration.participants;

import ml.sdn.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** 403: the token carries no country of the AES space (ML, BF, NE), so there is no plan or delegation to act in. */
class CountryRequiredException extends ProblemException {

    CountryRequiredException() {
        super(HttpStatus.FORBIDDEN, "participant.country.missing", null);
    }
}
