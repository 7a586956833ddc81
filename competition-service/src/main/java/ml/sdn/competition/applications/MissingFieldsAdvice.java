package ml.sdn.competition.applications;

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

import java.util.List;

/**
 * Names every missing field of a submission at once, in the platform's validation problem shape
 * ({@code errors[].field}), where {@code FieldRejectedException} can name only one. Ahead of the
 * platform's advice, for this one exception only.
 */
@RestControllerAdvice(assignableTypes = ApplicationController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MissingFieldsAdvice {

    private final MessageSource messages;

    MissingFieldsAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MissingFieldsException.class)
    ResponseEntity<ProblemDetail> missing(MissingFieldsException ex) {
        var locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("application.submission.incomplete", null, locale));
        problem.setTitle(messages.getMessage("sdn.problem.title.400", null, "Bad Request", locale));
        List<FieldProblem> errors = ex.fields().stream()
                .map(field -> new FieldProblem(field, messages.getMessage("application." + field + ".missing", null, locale)))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
