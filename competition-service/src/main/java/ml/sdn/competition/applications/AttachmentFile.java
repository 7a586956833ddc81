package ml.sdn.competition.applications;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * The bytes of an application's PDF, one document per file (at most 5 MiB, well under a document's
 * 16 MB), apart from the application so that lists and views never load them. {@code sha256} lets
 * anyone check the copy they downloaded.
 */
@Document(AttachmentFile.COLLECTION)
record AttachmentFile(
        @Id String id,
        String applicationId,
        String fileName,
        String contentType,
        long size,
        String sha256,
        byte[] data,
        String uploadedBy,
        Instant uploadedAt) {

    static final String COLLECTION = "competition_attachments";
}
