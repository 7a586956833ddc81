package ml.sdn.platform.web;

import org.springframework.util.AntPathMatcher;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies larger than {@code sdn.web.max-request-size} (or {@code sdn.web.max-upload-size}
 * on the paths listed in {@code sdn.web.upload-paths}, where files are sent) with a 413 problem. The gateway
 * has its own limit, but a service trusts no network: a declared length over the limit is refused before
 * anything is read, and a body without a length (chunked) is cut off when it passes the limit, so no
 * request can make a service hold more than the limit in memory.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final long defaultMaxBytes;
    private final long uploadMaxBytes;
    private final List<String> uploadPaths;
    private final ProblemWriter problems;

    public RequestSizeLimitFilter(long maxBytes, ProblemWriter problems) {
        this(maxBytes, maxBytes, List.of(), problems);
    }

    /** Requests to {@code uploadPaths} (Ant patterns, e.g. {@code /api/x/items/* /file}) may carry up to {@code uploadMaxBytes}. */
    public RequestSizeLimitFilter(long maxBytes, long uploadMaxBytes, List<String> uploadPaths, ProblemWriter problems) {
        this.defaultMaxBytes = maxBytes;
        this.uploadMaxBytes = uploadMaxBytes;
        this.uploadPaths = List.copyOf(uploadPaths);
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long maxBytes = uploadPaths.stream().anyMatch(pattern -> PATHS.match(pattern, path)) ? uploadMaxBytes : defaultMaxBytes;
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "sdn.problem.too-large");
            return;
        }
        chain.doFilter(declared >= 0 ? request : new LimitedRequest(request, maxBytes), response);
    }

    /** Thrown while reading a body without a declared length once it passes the limit; answered 413. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long maxBytes) {
            super("request body over " + maxBytes + " bytes");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        LimitedStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
