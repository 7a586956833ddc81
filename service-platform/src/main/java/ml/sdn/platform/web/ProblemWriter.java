package ml.sdn.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * Writes a {@link ProblemDetail} straight to the response, for errors raised before Spring MVC (the
 * security filters), so that they look like the ones from {@link ProblemDetailsAdvice}.
 */
public final class ProblemWriter {

    private final JsonMapper jsonMapper;
    private final MessageSource messages;
    private final LocaleResolver localeResolver;

    public ProblemWriter(JsonMapper jsonMapper, MessageSource messages, LocaleResolver localeResolver) {
        this.jsonMapper = jsonMapper;
        this.messages = messages;
        this.localeResolver = localeResolver;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detailKey)
            throws IOException {
        Locale locale = localeResolver.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage("sdn.problem.title." + status.value(), null, status.getReasonPhrase(), locale));
        problem.setDetail(messages.getMessage(detailKey, null, null, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }

    /** A message in the locale of the current request. */}
