package ml.sdn.notification.templates;

import ml.sdn.notification.catalogue.Language;

/** A notification as its recipient reads it: one-line subject, plain-text body, in their language. */
public record RenderedMessage(Language language, String subject, String body) {
}
