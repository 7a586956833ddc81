package ml.sdn.gateway.routing;

import org.springframework.cloud.gateway.handler.predicate.AbstractRoutePredicateFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code NotPath=/api/**}: the request's path matches none of the patterns. The portal's catch-all route
 * uses it so that an API path no service owns stays the gateway's 404 problem instead of becoming a page.
 */
@Component
class NotPathRoutePredicateFactory extends AbstractRoutePredicateFactory<NotPathRoutePredicateFactory.Config> {

    NotPathRoutePredicateFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("patterns");
    }

    @Override
    public ShortcutType shortcutType() {
        return ShortcutType.GATHER_LIST;
    }

    @Override
    public Predicate<ServerWebExchange> apply(Config config) {
        List<PathPattern> patterns = config.getPatterns().stream().map(PathPatternParser.defaultInstance::parse).toList();
        return exchange -> {
            PathContainer path = PathContainer.parsePath(exchange.getRequest().getURI().getRawPath());
            return patterns.stream().noneMatch(pattern -> pattern.matches(path));
        };
    }

    public static class Config {
        private List<String> patterns = new ArrayList<>();

        public List<String> getPatterns() {
            return patterns;
        }

        public void setPatterns(List<String> patterns) {
            this.patterns = patterns;
        }
    }
}
