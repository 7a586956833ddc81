package ml.sdn.competition.applications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ml.sdn.platform.idempotency.AcceptsIdempotencyKey;
import ml.sdn.platform.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Applications: written, submitted and withdrawn by their applicant; read by the applicant, assigned
 * jurors, coordinators (status) and organizers; listed for organizers and coordinators.
 */
@RestController
@RequestMapping("${sdn.service.api-prefix}/applications")
class ApplicationController {

    private final Applications applications;
    private final ApplicationQueries queries;
    private final Attachments attachments;
    private final String apiPrefix;

    ApplicationController(Applications applications, ApplicationQueries queries, Attachments attachments,
                          @Value("${sdn.service.api-prefix}") String apiPrefix) {
        this.applications = applications;
        this.queries = queries;
        this.attachments = attachments;
        this.apiPrefix = apiPrefix;
    }

    @Operation(summary = "Start a draft application (participants)",
            description = "201 with Location and the applicant's view. Only categoryId and title are required; every given "
                    + "field is checked (400 naming it: sizes, stage IDEA|PROTOTYPE|MVP|REVENUE, challenge one of the "
                    + "category's, pitchDeckUrl an https link; categoryId unknown → 400 naming categoryId). organizationId "
                    + "null = a project holder alone (only where the category admits PROJECT_TEAM, else 400 naming "
                    + "organizationId); otherwise the caller must be its owner or a member and its type admitted (400 "
                    + "naming organizationId). 409 when the organisation (or the person alone) already has a live "
                    + "application in the category, when the organisation's registration has not reached this service "
                    + "yet (try again in a moment), or outside the submission phase (the detail names it) unless the "
                    + "caller holds an extension.")
    @PostMapping
    @AcceptsIdempotencyKey
    @PreAuthorize("hasRole('participant')")
    ResponseEntity<ApplicationView> create(Caller caller, @Valid @RequestBody ApplicationRequest request) {
        ApplicationView created = applications.create(caller, request);
        return ResponseEntity.created(URI.create(apiPrefix + "/applications/" + created.id())).body(created);
    }

    @Operation(summary = "Replace the content of one's application (its applicant)",
            description = "200 with the view. A draft while drafting is open; a submitted application until the applicant's "
                    + "deadline (it stays submitted, must stay complete: 400 naming each missing field, updatedAt "
                    + "moves). categoryId and organizationId cannot change (400 naming them). 404 for anyone else's "
                    + "application; 409 when withdrawn or outside the submission phase.")
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('participant')")
    ApplicationView edit(Caller caller, @PathVariable String id, @Valid @RequestBody ApplicationRequest request) {
        return applications.edit(caller, id, request);
    }

    @Operation(summary = "Delete one's draft (its applicant)",
            description = "204; the draft's PDF goes with it and the organisation (or person) may start another. 404 for "
                    + "anyone else's application; 409 when it is not a draft (withdraw a submission instead).")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('participant')")
    ResponseEntity<Void> deleteDraft(Caller caller, @PathVariable String id) {
        applications.deleteDraft(caller, id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Submit one's application (its applicant)",
            description = "200 with the view and its receipt reference (SDN<edition>-<SUC|PRC>-<0001>, given at the first "
                    + "submission); ApplicationSubmitted is published. Also re-submits a withdrawn application before the "
                    + "deadline. 400 naming each missing required field (title, summary, problem, solution, targetUsers, "
                    + "stage, team) or organizationId when the organisation is not (or no longer) eligible; 404 for anyone "
                    + "else's application; 409 when already submitted, after the deadline (the detail names the phase) "
                    + "unless an extension covers the applicant, when the applicant's or the organisation's registration "
                    + "has not reached this service yet (try again in a moment), when the applicant's country is not ML, "
                    + "BF or NE, or when another application holds the organisation's (or person's) place.")
    @PostMapping("/{id}/submit")
    @PreAuthorize("hasRole('participant')")
    ApplicationView submit(Caller caller, @PathVariable String id) {
        return applications.submit(caller, id);
    }

    @Operation(summary = "Withdraw one's submitted application (its applicant)",
            description = "200 with the view; the organisation's (or person's) place in the category is freed and "
                    + "ApplicationWithdrawn is published. 404 for anyone else's application; 409 when not submitted or "
                    + "after the deadline (unless an extension covers the applicant).")
    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasRole('participant')")
    ApplicationView withdraw(Caller caller, @PathVariable String id) {
        return applications.withdraw(caller, id);
    }

    @Operation(summary = "The caller's applications, newest first (participants)",
            description = "Every status, with the category, the phase now, the applicant's deadline and what can be done; "
                    + "the selection status once decided, never a score or rank.")
    @GetMapping("/mine")
    @PreAuthorize("hasRole('participant')")
    List<ApplicationSummary> mine(Caller caller) {
        return queries.mine(caller);
    }

    @Operation(summary = "One application, as the caller may read it",
            description = "Its applicant: ApplicationView (selection status once decided, never a score). An organizer: "
                    + "ApplicationView with the selection details. A juror assigned to it (and not conflicted): JurorView, "
                    + "without names, organisation or country under blind review. A coordinator, for their delegation's "
                    + "country: ApplicationStatusView. Anyone else: 404, which says nothing.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    schema = @Schema(oneOf = {ApplicationView.class, JurorView.class, ApplicationStatusView.class}))))
    @GetMapping("/{id}")
    Object read(Caller caller, @PathVariable String id) {
        return queries.read(caller, id);
    }

    @Operation(summary = "List applications (organizers, coordinators)",
            description = "Paged, newest first, status views without scores. Organizers see all, with applicant and "
                    + "organisation names and whether it is women-led (the Special Prize's rule); a coordinator only their "
                    + "delegation's country whatever country asks (another country: an empty page). Participants, jurors "
                    + "and coaches get 403. 400 naming an invalid parameter (status DRAFT|SUBMITTED|WITHDRAWN, country "
                    + "ML|BF|NE, womenLed true|false, page ≥ 0, size 1–100). applicantId keeps one person's applications, within "
                    + "the same scope (a coordinator's delegation).")
    @GetMapping
    @PreAuthorize("hasAnyRole('organizer', 'coordinator')")
    ApplicationPage list(Caller caller,
                         @RequestParam(required = false) @Size(max = 64, message = "{application.id.invalid}")
                         @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{application.id.invalid}") String editionId,
                         @RequestParam(required = false) @Size(max = 64, message = "{application.id.invalid}")
                         @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{application.id.invalid}") String categoryId,
                         @Parameter(description = "DRAFT, SUBMITTED or WITHDRAWN")
                         @RequestParam(required = false) ApplicationStatus status,
                         @Parameter(description = "ML, BF or NE")
                         @RequestParam(required = false)
                         @Pattern(regexp = "(ML|BF|NE)?", message = "{application.country.invalid}") String country,
                         @Parameter(description = "true: women-led only; false: the others")
                         @RequestParam(required = false) Boolean womenLed,
                         @Parameter(description = "One person's applications (their registration id), e.g. for their page in the directory")
                         @RequestParam(required = false) @Size(max = 64, message = "{application.id.invalid}")
                         @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{application.id.invalid}") String applicantId,
                         @RequestParam(defaultValue = "0") @Min(value = 0, message = "{application.page.invalid}")
                         @Max(value = 100_000, message = "{application.page.invalid}") int page,
                         @RequestParam(defaultValue = "20") @Min(value = 1, message = "{application.size.invalid}")
                         @Max(value = 100, message = "{application.size.invalid}") int size) {
        return queries.list(caller, new ApplicationQueries.Filter(Applications.blankToNull(editionId),
                Applications.blankToNull(categoryId), status, Applications.blankToNull(country), womenLed,
                Applications.blankToNull(applicantId)), page, size);
    }

    @Operation(summary = "Attach a PDF to one's application, as a form upload (its applicant)",
            description = "multipart/form-data with the file in part \"file\" (PUT, or POST for HTML forms). 200 with the "
                    + "attachment's name, size and sha256; replaces any previous one. At most 5 MiB (413); the content "
                    + "must be a PDF (starts with %PDF-), whatever its name or declared type says (400 naming file). "
                    + "404 for anyone else's application; 409 when it can no longer be edited.")
    @PutMapping(path = "/{id}/attachment", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('participant')")
    ApplicationView.AttachmentView uploadForm(Caller caller, @PathVariable String id,
                                              @RequestPart(name = "file", required = false) MultipartFile file) {
        return attachments.upload(caller, id, file == null ? null : file.getOriginalFilename(), bytes(file));
    }

    @Operation(summary = "Attach a PDF to one's application from an HTML form (its applicant)",
            description = "The same as the PUT form upload, for browsers without JavaScript (forms only POST).")
    @PostMapping(path = "/{id}/attachment", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('participant')")
    ApplicationView.AttachmentView uploadFormPost(Caller caller, @PathVariable String id,
                                                  @RequestPart(name = "file", required = false) MultipartFile file) {
        return uploadForm(caller, id, file);
    }

    @Operation(summary = "Attach a PDF to one's application, as the raw body (its applicant)",
            description = "Content-Type application/pdf, optional fileName parameter. Same rules and answers as the form upload.")
    @PutMapping(path = "/{id}/attachment", consumes = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasRole('participant')")
    ApplicationView.AttachmentView uploadRaw(Caller caller, @PathVariable String id, @RequestBody(required = false) byte[] body,
                                             @RequestParam(required = false)
                                             @Size(max = 255, message = "{application.file.name.size}") String fileName) {
        return attachments.upload(caller, id, fileName, body);
    }

    @Operation(summary = "Download the application's PDF",
            description = "For its applicant, organizers and assigned jurors: application/pdf as an attachment, with its "
                    + "sha256 in the X-Content-SHA256 header; a juror of a blind category gets it named "
                    + "application-<id>.pdf, never by the applicant's own file name. 404 for anyone else, or when there is none.")
    @GetMapping("/{id}/attachment")
    ResponseEntity<byte[]> download(Caller caller, @PathVariable String id) {
        Attachments.Download file = attachments.download(caller, id);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        headers.setContentDisposition(ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Content-SHA256", file.sha256());
        headers.setCacheControl(CacheControl.noStore().cachePrivate());
        return ResponseEntity.ok().headers(headers).body(file.bytes());
    }

    @Operation(summary = "Remove the application's PDF (its applicant)",
            description = "204 (also when there was none); 404 for anyone else's application; 409 when it can no longer be edited.")
    @DeleteMapping("/{id}/attachment")
    @PreAuthorize("hasRole('participant')")
    ResponseEntity<Void> removeAttachment(Caller caller, @PathVariable String id) {
        attachments.remove(caller, id);
        return ResponseEntity.noContent().build();
    }

    private static byte[] bytes(MultipartFile file) {
        if (file == null) {
            return null;
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
