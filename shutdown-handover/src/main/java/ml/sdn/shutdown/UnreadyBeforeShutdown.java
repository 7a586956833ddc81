package ml.sdn.shutdown;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * The first thing a stopping service or gateway does: its readiness probe answers 503 ({@code REFUSING_TRAFFIC}) while
 * it still serves every request, for {@code sdn.shutdown.unready-delay}; the checks of whatever balances over it (the
 * gateway's instance checks for a service, the balancer in front of the gateways) take it out of rotation within that
 * time. Only then does the web server's graceful shutdown begin (it stops accepting requests and lets those in flight
 * finish, up to {@code spring.lifecycle.timeout-per-shutdown-phase}); in a service the Kafka listeners then stop
 * (committing the offsets of what they handled) and the outbox relay ends its round and frees its lock.
 * Stopped first: the highest phase. Registered by {@link ShutdownHandoverAutoConfiguration}.
 */
public class UnreadyBeforeShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UnreadyBeforeShutdown.class);

    private final ApplicationEventPublisher publisher;
    private final Duration delay;
    private volatile boolean running;
    private volatile boolean stopped;

    public UnreadyBeforeShutdown(ApplicationEventPublisher publisher, Duration delay) {
        this.publisher = publisher;
        this.delay = delay;
    }

    @Override
    public void start() {
        // started again after a stop (context.stop() then start()): the service serves again, and says so; the first
        // start leaves readiness to Boot, which turns it on once the application is ready
        if (stopped) {
            AvailabilityChangeEvent.publish(publisher, this, ReadinessState.ACCEPTING_TRAFFIC);
        }
        running = true;
    }

    /**
     * Not a part of a pause: Spring's test framework pauses a cached context between test classes (stops its
     * lifecycle beans), which is no shutdown. Taking readiness down then left it down when the context was used
     * again: every readiness check of the next test class answered 503 (notification-service's ITs, CI on 5ebd32a).
     */
    @Override
    public boolean isPauseable() {
        return false;
    }

    @Override
    public void stop() {
        // Boot publishes it too as the context starts closing; said here as well for a stop without a close
        AvailabilityChangeEvent.publish(publisher, this, ReadinessState.REFUSING_TRAFFIC);
        if (!delay.isZero() && !delay.isNegative()) {
            log.info("Not ready any more; still serving for {} before the graceful shutdown", delay);
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopped = true;
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
