package ml.sdn.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Locale;

/**
 * What the servlet container sends to its error page (a method it refuses, such as TRACE; an error raised
 * outside Spring MVC) is a problem too, in place of Boot's own error document.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final MessageSource messages;
    private final boolean exposeExceptions;

    ProblemErrorController(MessageSource messages,
                           @Value("${" + InternalErrors.EXPOSE + ":false}") boolean exposeExceptions) {
        this.messages = messages;
        this.exposeExceptions = exposeExceptions;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage("sdn.problem.title." + status.value(), null, status.getReasonPhrase(), locale));
        // a message of its own for the status, or the general one; never a bundle's text given as another's default:
        // a default is formatted once more, and "s'est" came out "sest"
        String detail = messages.getMessage("sdn.problem.status." + status.value(), null, null, locale);
        problem.setDetail(detail != null ? detail : messages.getMessage("sdn.problem.unexpected", null, locale));
        if (status.is5xxServerError() && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error) {
            // raised outside Spring MVC (a filter): ProblemDetailsAdvice never saw it
            log.error("Unexpected error before or after the controller", error);
            if (exposeExceptions) {
                problem.setProperty(InternalErrors.PROPERTY, InternalErrors.describe(error));
            }
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException unreadable) {
                // an address that is not a URI stays out of the answer
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
