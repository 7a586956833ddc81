package ml.sdn.competition.platform;

import ml.sdn.platform.web.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * {@link FieldsRejectedException} as the platform answers a validation error: 400, the same title and
 * detail, and {@code errors: [{field, message}]} with every field, in the caller's language. Ahead of the
 * platform's advice, for this one exception only.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class FieldsRejectedAdvice {

    private final MessageSource messages;

    FieldsRejectedAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(FieldsRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(FieldsRejectedException ex) {
        var locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("sdn.problem.validation", null, "Invalid request", locale));
        problem.setTitle(messages.getMessage("sdn.problem.title.400", null, "Bad Request", locale));
        problem.setProperty("errors", ex.failures().stream()
                .map(failure -> new FieldProblem(failure.field(), failure.message() != null ? failure.message()
                        : messages.getMessage(failure.messageKey(), failure.arguments(), locale)))
                .toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
