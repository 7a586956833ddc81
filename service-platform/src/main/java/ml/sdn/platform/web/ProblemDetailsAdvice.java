package ml.sdn.platform.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import ml.sdn.platform.rules.FieldProblem;
import ml.sdn.platform.rules.FieldRejectedException;
import ml.sdn.platform.rules.FieldsRejectedException;
import ml.sdn.platform.rules.Refusal;
import ml.sdn.platform.rules.RuleException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

import java.util.ArrayList;
import java.util.List;

/**
 * Every error of every service as {@code application/problem+json}. Field errors go in the
 * {@code errors} property ({@code [{field, message}]}), in French by default or English by
 * Accept-Language; a 500 says nothing about the internals.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final MessageSource messages;
    private boolean exposeExceptions;

    public ProblemDetailsAdvice(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    /** See {@link InternalErrors}: off in every running service. */
    @Autowired
    void exposeExceptions(@Value("${" + InternalErrors.EXPOSE + ":false}") boolean expose) {
        this.exposeExceptions = expose;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        // the validator already wrote each message in the request's language (LocaleContextHolder + message bundles)
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        for (ObjectError error : ex.getBindingResult().getGlobalErrors()) {
            errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage()));
        }
        return validationProblem(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            // a @Valid body validated with other constrained parameters: name its field, not the parameter
            result.getResolvableErrors().forEach(error -> errors.add(new FieldProblem(
                    error instanceof FieldError field ? field.getField() : name, error.getDefaultMessage())));
        });
        return validationProblem(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (causedBy(ex, RequestSizeLimitFilter.BodyTooLargeException.class)) {
            return problemResponse(problem(HttpStatus.CONTENT_TOO_LARGE, text("sdn.problem.too-large")), request);
        }
        String field = fieldOf(ex);
        String message = field == null
                ? text("sdn.problem.unreadable-body")
                : text("sdn.problem.unreadable-field", field);
        List<FieldProblem> errors = List.of(new FieldProblem(field == null ? "body" : field, message));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message);
        problem.setProperty("errors", errors);
        return problemResponse(problem, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        String message = text("sdn.problem.unreadable-field", field);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message);
        problem.setProperty("errors", List.of(new FieldProblem(field, message)));
        return problemResponse(problem, request);
    }

    /** Method validation outside Spring MVC's own (a {@code @Validated} bean): still a 400 naming the parameter. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
            String field = null;
            for (Path.Node node : violation.getPropertyPath()) {
                field = node.getName();
            }
            errors.add(new FieldProblem(field, violation.getMessage()));
        }
        return validationProblem(errors, request);
    }

    /**
     * A multipart body that cannot be read (cut short, no boundary): a 400 naming the part the endpoint reads.
     * Multipart bodies are parsed lazily (sdn-platform-defaults.yml), when that part is asked for, so the
     * endpoint is known here. Over the size limit is Spring's own {@link MaxUploadSizeExceededException} (413).
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableMultipart(MultipartException ex, WebRequest request) {
        String part = partOf(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
        log.info("Unreadable multipart body: {}", ex.getMessage());
        String message = text("sdn.problem.unreadable-part", part);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message);
        problem.setProperty("errors", List.of(new FieldProblem(part, message)));
        return problemResponse(problem, request);
    }

    /** The first file part the endpoint takes ({@code @RequestPart} or {@code @RequestParam}), else "body". */
    static String partOf(@Nullable Object handler) {
        if (handler instanceof HandlerMethod method) {
            for (MethodParameter parameter : method.getMethodParameters()) {
                if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                    RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
                    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                    String name = part != null ? part.name() : param != null ? param.name() : "";
                    return name.isEmpty() ? parameter.getParameterName() : name;
                }
            }
        }
        return "body";
    }

    /**
     * Parameters that cannot be read: a query or form value that is not valid percent-encoding ({@code %ZZ}),
     * which Tomcat reports when they are first asked for, or a parameter name the security firewall refuses.
     */
    @ExceptionHandler({InvalidParameterException.class, RequestRejectedException.class})
    ResponseEntity<Object> unreadableParameters(RuntimeException ex, WebRequest request) {
        log.info("Unreadable parameters: {}", ex.getMessage());
        return problemResponse(problem(HttpStatus.BAD_REQUEST, text("sdn.problem.unreadable-parameters")), request);
    }

    @ExceptionHandler(RuleException.class)
    ResponseEntity<Object> refused(RuleException ex, WebRequest request) {
        HttpStatus status = status(ex.refusal());
        if (ex instanceof FieldsRejectedException rejected) {
            List<FieldProblem> errors = rejected.failures().stream()
                    .map(failure -> new FieldProblem(failure.field(), failure.message() != null ? failure.message()
                            : text(failure.messageKey(), failure.arguments())))
                    .toList();
            ProblemDetail problem = problem(status, text(ex.messageKey()));
            problem.setProperty("errors", errors);
            return problemResponse(problem, request);
        }
        if (ex instanceof FieldRejectedException rejected) {
            FieldProblem error = new FieldProblem(rejected.field(), text(ex.messageKey(), ex.arguments()));
            ProblemDetail problem = problem(status, ex.refusal() == Refusal.INVALID ? text("sdn.problem.validation")
                    : error.message());
            problem.setProperty("errors", List.of(error));
            ex.properties().forEach(problem::setProperty);
            return problemResponse(problem, request);
        }
        if (ex.getCause() != null) {
            log.warn("{}: {}", status.getReasonPhrase(), ex.getCause().toString());
        }
        ProblemDetail problem = problem(status, text(ex.messageKey(), ex.arguments()));
        ex.properties().forEach(problem::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (ex.retryAfter() != null) {
            // whole seconds, at least one: the header has no finer unit
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000)));
        }
        return createResponseEntity(problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    /** The one place where a rule's refusal becomes an HTTP status. */
    static HttpStatus status(Refusal refusal) {
        return switch (refusal) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_ALLOWED -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case GONE -> HttpStatus.GONE;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNUSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** A stale write, e.g. a save over a document the outbox relay changed since it was read (its version moved on). */
    @ExceptionHandler({DuplicateKeyException.class, OptimisticLockingFailureException.class})
    ResponseEntity<Object> concurrentChange(RuntimeException ex, WebRequest request) {
        log.info("Conflicting write: {}", ex.getMessage());
        return problemResponse(problem(HttpStatus.CONFLICT, text("sdn.problem.conflict")), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException ex, WebRequest request) {
        return problemResponse(problem(HttpStatus.FORBIDDEN, text("sdn.problem.forbidden")), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthorized(AuthenticationException ex, WebRequest request) {
        return problemResponse(problem(HttpStatus.UNAUTHORIZED, text("sdn.problem.unauthorized")), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error", ex);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, text("sdn.problem.unexpected"));
        if (exposeExceptions) {
            problem.setProperty(InternalErrors.PROPERTY, InternalErrors.describe(ex));
        }
        return problemResponse(problem, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
                                                          HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.addAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, problemHeaders, statusCode);
    }

    private ResponseEntity<Object> validationProblem(List<FieldProblem> errors, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("sdn.problem.validation"));
        problem.setProperty("errors", errors);
        return problemResponse(problem, request);
    }

    private ResponseEntity<Object> problemResponse(ProblemDetail problem, WebRequest request) {
        return createResponseEntity(problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(messages.getMessage("sdn.problem.title." + status.value(), null, status.getReasonPhrase(),
                LocaleContextHolder.getLocale()));
        return problem;
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** The JSON path of the value Jackson could not read ({@code consent.accepted}), or null for malformed JSON. */
    static String fieldOf(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference reference : jackson.getPath()) {
                    if (reference.getPropertyName() != null) {
                        if (!path.isEmpty()) {
                            path.append('.');
                        }
                        path.append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        path.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }
}
