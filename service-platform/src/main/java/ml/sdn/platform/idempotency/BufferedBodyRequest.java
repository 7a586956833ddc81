package ml.sdn.platform.idempotency;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body is read whole on first demand, so that it can be fingerprinted before the endpoint
 * reads it. Its size is already bounded by the platform's request size limit, which runs earlier.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

    private byte[] body;

    BufferedBodyRequest(HttpServletRequest request) {
        super(request);
    }

    byte[] body() throws IOException {
        if (body == null) {
            body = super.getInputStream().readAllBytes();
        }
        return body;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        return new BufferedStream(new ByteArrayInputStream(body()));
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private static final class BufferedStream extends ServletInputStream {

        private final ByteArrayInputStream bytes;

        BufferedStream(ByteArrayInputStream bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("the body is already in memory");
        }
    }
}
