package ml.sdn.gateway;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's debug messages (LogMessage.format, built per request by Spring Security's matchers) are built only when
 * debug is on: commons-logging.properties picks the adapter that asks first (Commons Logging 1.3's SLF4J adapter
 * builds every message), and the lines still reach Logback.
 */
class LazyDebugMessagesTest {

    @Test
    void a_debug_message_is_not_built_when_debug_is_off() {
        Log log = LogFactory.getLog("org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher");
        int[] built = {0};
        Object message = new Object() {
            @Override
            public String toString() {
                built[0]++;
                return "Trying to match using …";
            }
        };

        assertThat(log.isDebugEnabled()).isFalse();
        log.debug(message);
        log.trace(message);

        assertThat(built[0]).isZero();
        assertThat(LogFactory.getFactory().getClass().getName()).isEqualTo("org.apache.commons.logging.impl.Log4jApiLogFactory");
    }
}
