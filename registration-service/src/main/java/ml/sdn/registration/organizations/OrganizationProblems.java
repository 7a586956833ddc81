package ml.sdn.registration.organizations;

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
import java.util.Locale;

/**
 * {@link FieldRejected} as the platform's validation problem (400, {@code errors[].field}), for the checks
 * that need the token or the stored organisation. Ordered before the platform's advice, whose catch-all
 * would otherwise answer 500; limited to this feature's controllers.
 */
@RestControllerAdvice(assignableTypes = {OrganizationController.class, InvitationController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrganizationProblems {

    private final MessageSource messages;

    OrganizationProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(FieldRejected.class)
    ResponseEntity<ProblemDetail> rejected(FieldRejected rejected) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("sdn.problem.validation", null, locale));
        problem.setTitle(messages.getMessage("sdn.problem.title.400", null, locale));
        problem.setProperty("errors", List.of(new FieldProblem(rejected.field(),
                messages.getMessage(rejected.messageKey(), rejected.arguments(), rejected.messageKey(), locale))));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
