package ml.sdn.gateway.problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;

/** An error the gateway raises on purpose: its detail is written for the caller and shown as it is. */
public class GatewayProblem extends ErrorResponseException {

    public GatewayProblem(HttpStatusCode status, String detail) {
        this(status, detail, HttpHeaders.EMPTY, null);
    }

    public GatewayProblem(HttpStatusCode status, String detail, HttpHeaders headers, Throwable cause) {
        super(status, Problems.problem(status, detail), cause);
        getHeaders().putAll(headers);
    }
}
