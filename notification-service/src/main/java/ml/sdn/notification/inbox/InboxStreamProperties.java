package ml.sdn.notification.inbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code sdn.inbox.stream.*}: the live stream of new inbox items.
 *
 * @param pollInterval how often the store is read for the items of everyone connected to this instance
 * @param heartbeat    a comment is written to a stream that has been quiet this long, so that proxies keep
 *                     it open (below the gateway's 10 s response timeout) and a gone client is noticed
 * @param timeout      a stream is closed after this long; the browser's EventSource reconnects by itself,
 *                     sending Last-Event-ID, and nothing is lost in between
 * @param lookback     how late an item may become readable after its {@code createdAt} (another instance's
 *                     clock, a slow insert) and still be streamed
 * @param maxPerPerson streams one person may hold on this instance; a new one closes their oldest
 * @param maxStreams   streams this instance holds at most; beyond, 503
 */
@ConfigurationProperties("sdn.inbox.stream")
public record InboxStreamProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5s") Duration heartbeat,
        @DefaultValue("30m") Duration timeout,
        @DefaultValue("15s") Duration lookback,
        @DefaultValue("3") int maxPerPerson,
        @DefaultValue("2000") int maxStreams) {
}
