package ml.sdn.registration.attendance;

import ml.sdn.platform.rules.FieldProblem;
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
 * Where the attendance rules' refusals become HTTP: a badge that does not let its bearer in is a 422
 * problem (the request is well formed, the badge cannot be used) naming the field, with the reason in
 * the caller's language — except a code that cannot be a badge code at all, a 400 like any malformed
 * field. Ahead of the platform's advice, which answers everything else the same way for every service.
 */
@RestControllerAdvice(assignableTypes = AttendanceController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AttendanceProblems {

    private final MessageSource messages;

    AttendanceProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DoorCheckIn.Refused.class)
    ResponseEntity<ProblemDetail> refused(DoorCheckIn.Refused refused) {
        DoorCheckIn.Refusal refusal = refused.refusal();
        HttpStatus status = refusal == DoorCheckIn.Refusal.MALFORMED_CODE ? HttpStatus.BAD_REQUEST
                : HttpStatus.UNPROCESSABLE_CONTENT;
        String message = text(refusal.messageKey());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setTitle(text("sdn.problem.title." + status.value(), status.getReasonPhrase()));
        problem.setProperty("errors", List.of(new FieldProblem(refusal.field(), message)));
        // the door's page says more than the message when it knows why (orange for "already", red for these)
        problem.setProperty("refusal", refusal.name());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private String text(String key, String... fallback) {
        return messages.getMessage(key, null, fallback.length > 0 ? fallback[0] : key, LocaleContextHolder.getLocale());
    }
}
