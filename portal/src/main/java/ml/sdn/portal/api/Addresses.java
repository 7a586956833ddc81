package ml.sdn.portal.api;

import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Addresses built from what people typed in a filter form: to a service, and back to the portal's own pages. */
public final class Addresses {

    private Addresses() {
    }

    /** A service's {@code path} with these parameters, each value encoded whatever was typed (braces included). */
    public static Function<UriBuilder, URI> service(String path, Map<String, String> params) {
        return builder -> {
            builder.path(path);
            Map<String, Object> values = new LinkedHashMap<>();
            params.forEach((name, value) -> {
                builder.queryParam(name, "{v" + values.size() + "}");
                values.put("v" + values.size(), value);
            });
            return builder.build(values);
        };
    }

    /** The portal's own address for these filters (a CSV link, the pages), encoded. */
    public static String page(String path, Map<String, String> filters) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        filters.forEach(uri::queryParam);
        return uri.build().encode().toUriString();
    }
}
