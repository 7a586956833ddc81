package ml.sdn.portal.api;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;

/**
 * A service's export handed on as a download: the CSV or XLSX file (routes mapped as {@code ….{format:csv|xlsx}},
 * the service's path ending the same way), its file name as the service gave it, never cached.
 */
public final class Downloads {

    public static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Downloads() {
    }

    /**
     * The current edition's name for the first line of a file written by a service that keeps no editions
     * (registration-service's directory and attendance files take it as {@code edition}): "3 (2026)", as
     * competition's files name it; null when no edition is current.
     */
    public static String currentEditionName(ServiceApis.Apis apis) {
        try {
            Map<String, Object> edition = apis.competition().get().uri("/api/competitions/editions/current")
                    .retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() { });
            return edition == null ? null : edition.get("number") + " (" + edition.get("year") + ")";
        } catch (ApiException refused) {
            if (refused.status() == 404) {
                return null;
            }
            throw refused;
        }
    }

    /** What to ask the service for. */
    public static MediaType[] accept(String format) {
        return new MediaType[]{"xlsx".equals(format) ? XLSX : MediaType.parseMediaType("text/csv"), MediaType.ALL};
    }

    /**
     * @param format       {@code csv} or {@code xlsx}, the route's
     * @param fallbackName the file's name without extension, when the service gave none
     */
    public static ResponseEntity<byte[]> relay(ResponseEntity<byte[]> file, String format, String fallbackName) {
        boolean xlsx = "xlsx".equals(format);
        String disposition = file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        return ResponseEntity.ok().contentType(xlsx ? XLSX : CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition != null ? disposition
                        : "attachment; filename=\"" + fallbackName + (xlsx ? ".xlsx" : ".csv") + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.getBody());
    }
}
