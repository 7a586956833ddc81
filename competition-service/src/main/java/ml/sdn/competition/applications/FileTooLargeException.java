package ml.sdn.competition.applications;

import ml.sdn.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A PDF over {@link PdfFile#MAX_BYTES}: 413, like every body over its limit. */
class FileTooLargeException extends ProblemException {

    FileTooLargeException() {
        super(HttpStatus.CONTENT_TOO_LARGE, "application.file.too-large", null, PdfFile.MAX_BYTES / (1024 * 1024));
    }
}
