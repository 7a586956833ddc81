package ml.sdn.e2e.portal;

import ml.sdn.testing.XlsxRows;
import org.openqa.selenium.By;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file a page links to, fetched with the browser's session cookies: what the browser saves when the link is
 * followed (headless Chromium keeps its downloads out of the test's reach). Read back as the CSV file's lines or the
 * XLSX file's rows, each after checking that it came as an attachment of that type.
 */
record Download(int status, String contentType, String disposition, byte[] bytes) {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * A file's title line without the time it names ("… — fichier établi le 7 décembre 2026, 21:53" up to "le "):
     * two files made one after the other may straddle a minute (CI on daee2a1), so the CSV's and the XLSX's titles
     * are compared up to it.
     */
    static String untilItsTime(String title) {
        String marker = " — fichier établi le ";
        int at = title.indexOf(marker);
        assertThat(at).as("a title naming the time it was made: " + title).isPositive();
        return title.substring(0, at + marker.length());
    }

    /** The file the link on the browser's page leads to. */
    static Download of(Browser browser, By link) {
        return of(browser, browser.find(link).getAttribute("href"));
    }

    static Download of(Browser browser, String url) {
        String cookies = browser.driver().manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Cookie", cookies).GET().build();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The CSV file's lines (CRLF ends; the first line keeps its byte-order mark), once it is a CSV attachment named so. */
    List<String> csvLines(String fileName) {
        assertThat(status).as(text()).isEqualTo(200);
        assertThat(contentType).startsWith("text/csv");
        assertThat(disposition).startsWith("attachment").contains(fileName).contains(".csv");
        return Arrays.asList(text().split("\r\n"));
    }

    /** The XLSX file's rows (numbers as {@link java.math.BigDecimal}), once it is an XLSX attachment named so. */
    List<List<Object>> xlsxRows(String fileName) {
        assertThat(status).as(text()).isEqualTo(200);
        assertThat(contentType).isEqualTo(XLSX);
        assertThat(disposition).startsWith("attachment").contains(fileName).contains(".xlsx");
        return XlsxRows.read(bytes);
    }
}
