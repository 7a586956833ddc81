package ml.sdn.competition.applications;

import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.CategorySettings;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.jury.JuryReview;
import ml.sdn.competition.jury.ReviewStatus;
import ml.sdn.competition.jury.Round;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The application's optional PDF: form and raw uploads, the content check, the size limit, who downloads it. */
class AttachmentIT extends ApplicationsITBase {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    private ServiceApi.Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new ServiceApi.Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token);
    }

    /** What a browser's form sends: multipart/form-data with the file in part {@code part}. */
    private ServiceApi.Response form(String method, String id, String token, String part, String fileName, String type, byte[] bytes,
                                     String... headers) {
        String boundary = "----sdn" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = request(APPLICATIONS + "/" + id + "/attachment", token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private ServiceApi.Response raw(String id, String token, String type, byte[] bytes, String query) {
        return send(request(APPLICATIONS + "/" + id + "/attachment" + query, token).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private static byte[] pdfOfSize(int size) {
        byte[] bytes = Arrays.copyOf(PDF, size);
        Arrays.fill(bytes, PDF.length, size, (byte) ' ');
        return bytes;
    }

    private long filesOf(String applicationId) {
        return mongo.count(query(where("applicationId").is(applicationId)), AttachmentFile.class);
    }

    @Test
    void the_applicant_uploads_a_pdf_from_a_form_and_downloads_it_back_intact() {
        Person awa = person("ML");
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        String id = drafted(awa, draftJson(contest, null, "Avec PDF"));

        ServiceApi.Response uploaded = form("PUT", id, awa.token(), "file", "C:\\Docs\\Présentation \"finale\".pdf",
                "application/pdf", PDF);

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.json().get("fileName").asString()).isEqualTo("Présentation _finale_.pdf");
        assertThat(uploaded.json().get("size").asLong()).isEqualTo(PDF.length);
        assertThat(uploaded.json().get("sha256").asString()).isEqualTo(PdfFile.sha256(PDF));
        assertThat(api().get(APPLICATIONS + "/" + id, awa.token()).json().get("attachment").get("fileName").asString())
                .isEqualTo("Présentation _finale_.pdf");

        ServiceApi.Response downloaded = api().get(APPLICATIONS + "/" + id + "/attachment", awa.token());

        assertThat(downloaded.status()).isEqualTo(200);
        assertThat(downloaded.bytes()).isEqualTo(PDF);
        assertThat(downloaded.contentType()).isEqualTo("application/pdf");
        assertThat(downloaded.header("Content-Disposition")).startsWith("attachment;").contains("filename*=UTF-8''");
        assertThat(downloaded.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(downloaded.header("X-Content-SHA256")).isEqualTo(PdfFile.sha256(PDF));
        assertThat(downloaded.header("Cache-Control")).contains("no-store");
    }

    @Test
    void a_raw_pdf_replaces_the_previous_file_and_a_form_can_post() {
        Person awa = person("BF");
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        String id = submitted(awa, contest, null);
        assertThat(form("POST", id, awa.token(), "file", "v1.pdf", "application/pdf", PDF).status()).isEqualTo(200);

        byte[] second = pdfOfSize(2048);
        ServiceApi.Response replaced = raw(id, awa.token(), "application/pdf", second, "?fileName=deck%20v2.pdf");

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("fileName").asString()).isEqualTo("deck v2.pdf");
        assertThat(api().get(APPLICATIONS + "/" + id + "/attachment", awa.token()).bytes()).isEqualTo(second);
        assertThat(filesOf(id)).isEqualTo(1);
        assertThat(api().get(APPLICATIONS + "/" + id, awa.token()).json().get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void the_content_decides_what_a_pdf_is_not_its_name_or_declared_type() {
        Person awa = person("NE");
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        String id = drafted(awa, draftJson(contest, null, "Faux PDF"));
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);

        assertRejected(form("PUT", id, awa.token(), "file", "deck.pdf", "application/pdf", html), "file");
        assertRejected(raw(id, awa.token(), "application/pdf", html, ""), "file");
        assertRejected(form("PUT", id, awa.token(), "file", "empty.pdf", "application/pdf", new byte[0]), "file");
        assertRejected(form("PUT", id, awa.token(), "document", "deck.pdf", "application/pdf", PDF), "file");
        assertProblem(raw(id, awa.token(), "text/html", html, ""), 415);
        assertThat(filesOf(id)).isZero();
        // a real PDF sent as application/octet-stream in a form is still a PDF
        assertThat(form("PUT", id, awa.token(), "file", "scan", "application/octet-stream", PDF).status()).isEqualTo(200);
    }

    @Test
    void a_multipart_body_that_cannot_be_read_is_a_400_problem_naming_the_file_part() {
        Person awa = person("ML");
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        String id = drafted(awa, draftJson(contest, null, "Mal formé"));
        String path = APPLICATIONS + "/" + id + "/attachment";

        // cut short after its first boundary, or no boundary at all: PUT and POST alike
        for (String method : new String[] {"PUT", "POST"}) {
            for (String type : new String[] {"multipart/form-data; boundary=xyz", "multipart/form-data"}) {
                ServiceApi.Response refused = send(request(path, awa.token()).header("Content-Type", type)
                        .method(method, HttpRequest.BodyPublishers.ofString("--xyz\r\nbroken")));
                assertProblem(refused, 400);
                assertThat(refused.json().get("errors").get(0).get("field").asString()).as(method + " " + type).isEqualTo("file");
            }
        }
        assertThat(filesOf(id)).isZero();
    }

    @Test
    void a_file_over_5_mib_is_refused_with_413() {
        Person awa = person("ML");
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        String id = drafted(awa, draftJson(contest, null, "Trop lourd"));
        byte[] tooBig = pdfOfSize((int) PdfFile.MAX_BYTES + 1);

        assertProblem(raw(id, awa.token(), "application/pdf", tooBig, ""), 413);
        ServiceApi.Response form = form("PUT", id, awa.token(), "file", "big.pdf", "application/pdf", tooBig);
        assertProblem(form, 413);
        assertThat(form.json().get("detail").asString()).isEqualTo("Le fichier dépasse la taille autorisée (5 Mo).");
        assertThat(filesOf(id)).isZero();
        // exactly 5 MiB passes, in a form too
        ServiceApi.Response limit = form("PUT", id, awa.token(), "file", "limit.pdf", "application/pdf",
                pdfOfSize((int) PdfFile.MAX_BYTES));
        assertThat(limit.status()).as(limit.body()).isEqualTo(200);
    }

    @Test
    void organizers_and_assigned_jurors_download_strangers_do_not_and_the_applicant_removes_it() {
        Person awa = person("ML");
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        String id = submitted(awa, contest, null);
        assertThat(raw(id, awa.token(), "application/pdf", PDF, "").status()).isEqualTo(200);
        Application application = mongo.findById(id, Application.class);
        String jurorName = "juror-pdf-" + UUID.randomUUID();
        mongo.insert(new JuryReview(JuryReview.idOf(Round.PRESELECTION, id, TestIssuer.subjectOf(jurorName)),
                application.editionId(), application.categoryId(), id, TestIssuer.subjectOf(jurorName), Round.PRESELECTION,
                ReviewStatus.ASSIGNED, Map.of(), false, "organizer", Instant.now(), null, null, null, null, null, List.of(), null));
        String path = APPLICATIONS + "/" + id + "/attachment";

        assertThat(api().get(path, ISSUER.token("organizer-pdf", "ML", "organizer")).bytes()).isEqualTo(PDF);
        assertThat(api().get(path, ISSUER.token(jurorName, "BF", "jury")).bytes()).isEqualTo(PDF);
        Person intruder = person("ML");
        assertProblem(api().get(path, intruder.token()), 404);
        assertProblem(raw(id, intruder.token(), "application/pdf", PDF, ""), 404);
        assertProblem(form("PUT", id, intruder.token(), "file", "x.pdf", "application/pdf", PDF), 404);

        assertThat(api().delete(path, awa.token()).status()).isEqualTo(204);
        assertProblem(api().get(path, awa.token()), 404);
        assertThat(filesOf(id)).isZero();
        JsonNode view = api().get(APPLICATIONS + "/" + id, awa.token()).json();
        assertThat(view.get("attachment").isNull()).isTrue();
    }

    private String assignJuror(String applicationId) {
        Application application = mongo.findById(applicationId, Application.class);
        String jurorName = "juror-pdf-" + UUID.randomUUID();
        String jurorId = TestIssuer.subjectOf(jurorName);
        mongo.insert(new JuryReview(JuryReview.idOf(Round.PRESELECTION, applicationId, jurorId), application.editionId(),
                application.categoryId(), applicationId, jurorId, Round.PRESELECTION, ReviewStatus.ASSIGNED, Map.of(), false,
                "organizer", Instant.now(), null, null, null, null, null, List.of(), null));
        return ISSUER.token(jurorName, "BF", "jury");
    }

    @Test
    void under_blind_review_a_juror_downloads_the_pdf_under_a_neutral_name_and_others_under_its_own() {
        Person awa = person("ML");
        Category blind = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        String id = submitted(awa, blind, null);
        assertThat(form("PUT", id, awa.token(), "file", "Awa Traore - Cooperative de Segou.pdf", "application/pdf", PDF)
                .status()).isEqualTo(200);
        String path = APPLICATIONS + "/" + id + "/attachment";

        ServiceApi.Response juror = api().get(path, assignJuror(id));

        assertThat(juror.status()).isEqualTo(200);
        assertThat(juror.bytes()).isEqualTo(PDF);
        assertThat(juror.header("Content-Disposition")).contains("application-" + id + ".pdf")
                .doesNotContain("Awa").doesNotContain("Traore").doesNotContain("Segou");
        assertThat(api().get(path, ISSUER.token("organizer-pdf", "ML", "organizer")).header("Content-Disposition"))
                .contains("Traore");
        assertThat(api().get(path, awa.token()).header("Content-Disposition")).contains("Traore");

        Category open = fixtures().category(fixtures().edition(), CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION,
                Duration.ofDays(7), new CategorySettings(3, false, false, true, 2));
        Person moussa = person("BF");
        String seen = submitted(moussa, open, null);
        assertThat(form("PUT", seen, moussa.token(), "file", "Moussa Diallo.pdf", "application/pdf", PDF).status()).isEqualTo(200);
        assertThat(api().get(APPLICATIONS + "/" + seen + "/attachment", assignJuror(seen)).header("Content-Disposition"))
                .contains("Moussa");
    }

    @Test
    void after_the_deadline_the_file_can_no_longer_change() {
        Person awa = person("ML");
        Category late = category(CategoryCode.PROJECT_CONTEST, Phase.EVALUATION);
        Application application = fixtures().submittedApplication(late, awa.id(), null, "ML", "Clos");

        assertProblem(raw(application.id(), awa.token(), "application/pdf", PDF, ""), 409);
        assertProblem(api().delete(APPLICATIONS + "/" + application.id() + "/attachment", awa.token()), 409);
    }
}
