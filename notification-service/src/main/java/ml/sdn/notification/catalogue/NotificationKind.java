package ml.sdn.notification.catalogue;

import java.util.Locale;

/**
 * The catalogue: every notification the platform sends, what causes it and who receives it. Each kind
 * has a subject and a body template per language under {@code notification-templates/<lang>/}, named
 * after {@link #templateName()}.
 */
public enum NotificationKind {

    /**
     * Cause: {@code sdn.registration.participant-registered.v1}. To: the participant.
     * Model: {@code country} (ML, BF or NE).
     */
    PROFILE_CREATED;

    /** {@code PROFILE_CREATED} → {@code profile-created}. */
    public String templateName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
