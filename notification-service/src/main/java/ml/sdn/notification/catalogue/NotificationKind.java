package ml.sdn.notification.catalogue;

import java.util.Locale;

/**
 * The catalogue: every notification the platform sends, what causes it and who receives it. Each kind
 * has a subject and a body template per language under {@code notification-templates/<lang>/}, named
 * after {@link #templateName()}. Dates in models are ISO strings; templates write them in the reader's
 * language with {@code {{#date}}…{{/date}}} (a day) and {@code {{#dateTime}}…{{/dateTime}}} (an instant).
 */
public enum NotificationKind {

    /**
     * Cause: {@code sdn.registration.participant-registered.v1}. To: the participant.
     * Model: {@code country} (ML, BF or NE).
     */
    PROFILE_CREATED(false),

    /**
     * Cause: {@code sdn.registration.member-invited.v1}. To: the invited e-mail address, by e-mail only
     * (the invitee may have no account). Model: {@code organizationName}, {@code inviter} ({@code name};
     * absent when unknown), {@code role} (absent when none), {@code acceptLink} (carries the one-time
     * token), {@code expiresAt} (ISO instant). The body holds a secret: dropped once the e-mail is sent or
     * given up.
     */
    MEMBER_INVITED(true),

    /**
     * Cause: {@code sdn.registration.attendance-confirmed.v1}. To: the participant.
     * Model: {@code day} (ISO date), {@code badgeCode}.
     */
    ATTENDANCE_CONFIRMED(false),

    /**
     * Cause: {@code sdn.registration.attendance-wait-listed.v1}. To: the participant.
     * Model: {@code day} (ISO date), {@code position} (1 = next to get a place).
     */
    ATTENDANCE_WAIT_LISTED(false),

    /**
     * Cause: {@code sdn.registration.attendance-promoted.v1}: a place freed and it is theirs. To: the
     * participant. Model: {@code day} (ISO date), {@code badgeCode}.
     */
    ATTENDANCE_PROMOTED(false),

    /**
     * Cause: {@code sdn.registration.attendance-cancelled.v1}. To: the participant.
     * Model: {@code day} (ISO date).
     */
    ATTENDANCE_CANCELLED(false);

    private final boolean secretInBody;

    NotificationKind(boolean secretInBody) {
        this.secretInBody = secretInBody;
    }

    /** {@code PROFILE_CREATED} → {@code profile-created}. */
    public String templateName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The body carries a secret (a one-time link): the delivery log drops it once the e-mail is final. */
    public boolean secretInBody() {
        return secretInBody;
    }
}
