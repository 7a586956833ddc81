package ml.sdn.notification.catalogue;

import java.util.Locale;

/**
 * The catalogue: every notification the platform sends, what causes it and who receives it. Each kind
 * has a subject and a body template per language under {@code notification-templates/<lang>/}, named
 * after {@link #templateName()}. Dates in models are ISO strings; templates write them in the reader's
 * language with {@code {{#date}}…{{/date}}} (a day) and {@code {{#dateTime}}…{{/dateTime}}} (an instant).
 *
 * <p>At a glance (e-mail {@link Email#REQUIRED}: the person must receive it, they cannot switch its
 * e-mail off; {@link Email#OPTIONAL}: on unless they switch it off in their preferences; the inbox item
 * is always written):
 * <pre>
 * kind                    cause (registration events)   to                 e-mail     secret in body
 * PROFILE_CREATED         participant-registered        the participant    optional   no
 * MEMBER_INVITED          member-invited                the invited address required  yes (accept link)
 * ATTENDANCE_CONFIRMED    attendance-confirmed          the participant    optional   no
 * ATTENDANCE_WAIT_LISTED  attendance-wait-listed        the participant    optional   no
 * ATTENDANCE_PROMOTED     attendance-promoted           the participant    required   no
 * ATTENDANCE_CANCELLED    attendance-cancelled          the participant    optional   no
 * </pre>
 * Confirmation, waiting list and cancellation answer something the person just did and see on screen;
 * a promotion happens later, without them, and they must act on it (come, or free the place); an
 * invitation goes to someone who may have no account yet, e-mail is its only way. Results of one's own
 * application (to come with competition-service) will be required too.
 */
public enum NotificationKind {

    /**
     * Cause: {@code sdn.registration.participant-registered.v1}. To: the participant.
     * Model: {@code country} (ML, BF or NE).
     */
    PROFILE_CREATED(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.registration.member-invited.v1}. To: the invited e-mail address, by e-mail only
     * (the invitee may have no account). Model: {@code organizationName}, {@code inviter} ({@code name};
     * absent when unknown), {@code role} (absent when none), {@code acceptLink} (carries the one-time
     * token), {@code expiresAt} (ISO instant). The body holds a secret: dropped once the e-mail is sent or
     * given up.
     */
    MEMBER_INVITED(Email.REQUIRED, true),

    /**
     * Cause: {@code sdn.registration.attendance-confirmed.v1}. To: the participant.
     * Model: {@code day} (ISO date), {@code badgeCode}.
     */
    ATTENDANCE_CONFIRMED(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.registration.attendance-wait-listed.v1}. To: the participant.
     * Model: {@code day} (ISO date), {@code position} (1 = next to get a place).
     */
    ATTENDANCE_WAIT_LISTED(Email.OPTIONAL, false),

    /**
     * Cause: {@code sdn.registration.attendance-promoted.v1}: a place freed and it is theirs. To: the
     * participant. Model: {@code day} (ISO date), {@code badgeCode}.
     */
    ATTENDANCE_PROMOTED(Email.REQUIRED, false),

    /**
     * Cause: {@code sdn.registration.attendance-cancelled.v1}. To: the participant.
     * Model: {@code day} (ISO date).
     */
    ATTENDANCE_CANCELLED(Email.OPTIONAL, false);

    /** Whether a person may switch a kind's e-mail off. */
    public enum Email {
        /** On unless the person switches it off. */
        OPTIONAL,
        /** Always e-mailed: the person must receive it. */
        REQUIRED
    }

    private final Email email;
    private final boolean secretInBody;

    NotificationKind(Email email, boolean secretInBody) {
        this.email = email;
        this.secretInBody = secretInBody;
    }

    /** The person must receive its e-mail: it cannot be switched off. */
    public boolean emailRequired() {
        return email == Email.REQUIRED;
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
