package ml.sdn.competition.applications;

import ml.sdn.platform.rules.Refusal;
import ml.sdn.platform.rules.RuleException;

/** A PDF over {@link PdfFile#MAX_BYTES}: 413, like every body over its limit. */
class FileTooLargeException extends RuleException {

    FileTooLargeException() {
        super(Refusal.TOO_LARGE, "application.file.too-large", null, PdfFile.MAX_BYTES / (1024 * 1024));
    }
}
