package ml.sdn.portal.api;

/**
 * A service said no (4xx) or could not answer (5xx, unreachable). Controllers catch it where a form can
 * show the problem next to its fields ({@link FormErrors}); anything else reaches {@code ErrorPages}.
 */
public class ApiException extends RuntimeException {

    private final transient ApiProblem problem;

    public ApiException(ApiProblem problem) {
        super(problem.status() + " " + problem.message());
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    public boolean isClientError() {
        return problem.status() >= 400 && problem.status() < 500;
    }
}
