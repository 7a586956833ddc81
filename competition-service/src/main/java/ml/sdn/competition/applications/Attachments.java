package ml.sdn.competition.applications;

import ml.sdn.competition.editions.Action;
import ml.sdn.competition.editions.Category;
import ml.sdn.platform.outbox.LostRace;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.FieldRejectedException;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The application's optional PDF: uploaded (or replaced) and removed by the applicant while the
 * application is editable; read by whoever may read the application's content. The bytes are stored
 * first, then the application points at them in one conditional write; the file it pointed at before
 * is removed afterwards.
 */
@Service
class Attachments {

    private static final int ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final Applications applications;
    private final ApplicationQueries queries;
    private final DeadlineExtensions extensions;
    private final Clock clock;

    Attachments(MongoTemplate mongo, Applications applications, ApplicationQueries queries, DeadlineExtensions extensions,
                ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.applications = applications;
        this.queries = queries;
        this.extensions = extensions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** What a download sends. */
    record Download(String fileName, String sha256, byte[] bytes) {
    }

    ApplicationView.AttachmentView upload(Caller caller, String applicationId, String originalName, byte[] bytes) {
        requireEditable(caller, applicationId);
        if (bytes == null || bytes.length == 0) {
            throw new FieldRejectedException("file", "application.file.required");
        }
        if (bytes.length > PdfFile.MAX_BYTES) {
            throw new FileTooLargeException();
        }
        if (!PdfFile.looksLikePdf(bytes)) {
            throw new FieldRejectedException("file", "application.file.not-pdf");
        }
        Instant now = clock.instant();
        AttachmentFile file = mongo.insert(new AttachmentFile(UUID.randomUUID().toString(), applicationId,
                PdfFile.safeName(originalName), "application/pdf", bytes.length, PdfFile.sha256(bytes), bytes, caller.id(), now));
        Application.Attachment attachment = new Application.Attachment(file.id(), file.fileName(), file.contentType(),
                file.size(), file.sha256(), now);
        try {
            Application before = LostRace.retry(ATTEMPTS, () -> {
                Application application = requireEditable(caller, applicationId);
                applications.write(application, new Update().set("attachment", attachment).set("updatedAt", now));
                return application;
            });
            if (before.attachment() != null) {
                mongo.remove(query(where("id").is(before.attachment().fileId())), AttachmentFile.class);
            }
        } catch (RuntimeException notAttached) {
            mongo.remove(query(where("id").is(file.id())), AttachmentFile.class);
            throw notAttached;
        }
        return ApplicationView.AttachmentView.of(attachment);
    }

    void remove(Caller caller, String applicationId) {
        Application before = LostRace.retry(ATTEMPTS, () -> {
            Application application = requireEditable(caller, applicationId);
            if (application.attachment() != null) {
                applications.write(application, new Update().unset("attachment").set("updatedAt", clock.instant()));
            }
            return application;
        });
        if (before.attachment() != null) {
            mongo.remove(query(where("id").is(before.attachment().fileId())), AttachmentFile.class);
        }
    }

    /**
     * The PDF as the caller may download it. A juror under blind review gets it as
     * {@code application-<id>.pdf}: the name the applicant gave the file often names them or their organisation.
     */
    Download download(Caller caller, String applicationId) {
        ApplicationQueries.ReadableContent readable = queries.readableContent(caller, applicationId);
        Application application = readable.application();
        AttachmentFile file = application.attachment() == null ? null
                : mongo.findById(application.attachment().fileId(), AttachmentFile.class);
        if (file == null) {
            throw new NotFoundException("application.file.none");
        }
        String fileName = readable.blind() ? "application-" + application.id() + ".pdf" : file.fileName();
        return new Download(fileName, file.sha256(), file.data());
    }

    /** The caller's application while its content may change (a draft while drafting, a submission before the deadline). */
    private Application requireEditable(Caller caller, String applicationId) {
        Application application = applications.owned(caller, applicationId);
        Category category = applications.category(application);
        SubmissionWindow window = extensions.windowFor(category);
        Instant now = clock.instant();
        switch (application.status()) {
            case DRAFT -> Applications.requireOpen(window, Action.DRAFT_APPLICATION, application, now);
            case SUBMITTED -> Applications.requireOpen(window, Action.SUBMIT_APPLICATION, application, now);
            case WITHDRAWN -> throw new ConflictException("application.withdrawn.read-only");
        }
        return application;
    }
}
