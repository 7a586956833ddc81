package ml.sdn.notification.broadcasts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What the sender writes: the audience ({@link Audience}: its kind, {@code country}, {@code day} as an ISO date,
 * {@code category} and {@code edition} ids, an application {@code status}; a coordinator may leave kind and country
 * out, their delegation is taken), a subject and a text in French and in English, and whether
 * to send it by SMS too. Subjects fit an e-mail's subject line; texts fit a screen (an SMS is cut at the
 * installation's segment cap, with an ellipsis).
 */
record BroadcastRequest(
        @Size(max = 20, message = "{notification.broadcasts.choice-too-long}") String audience,
        @Size(max = 20, message = "{notification.broadcasts.choice-too-long}") String country,
        @Size(max = 20, message = "{notification.broadcasts.choice-too-long}") String day,
        @Size(max = 40, message = "{notification.broadcasts.choice-too-long}") String category,
        @Size(max = 20, message = "{notification.broadcasts.choice-too-long}") String status,
        @Size(max = 40, message = "{notification.broadcasts.choice-too-long}") String edition,
        @NotBlank(message = "{notification.broadcasts.subject-missing}")
        @Size(max = BroadcastRequest.MAX_SUBJECT, message = "{notification.broadcasts.subject-too-long}") String subjectFr,
        @NotBlank(message = "{notification.broadcasts.body-missing}")
        @Size(max = BroadcastRequest.MAX_BODY, message = "{notification.broadcasts.body-too-long}") String bodyFr,
        @NotBlank(message = "{notification.broadcasts.subject-missing}")
        @Size(max = BroadcastRequest.MAX_SUBJECT, message = "{notification.broadcasts.subject-too-long}") String subjectEn,
        @NotBlank(message = "{notification.broadcasts.body-missing}")
        @Size(max = BroadcastRequest.MAX_BODY, message = "{notification.broadcasts.body-too-long}") String bodyEn,
        Boolean sms) {

    Audience.Choice choice() {
        return new Audience.Choice(audience, country, day, category, status, edition);
    }

    /** Left out: no SMS. */
    boolean bySms() {
        return Boolean.TRUE.equals(sms);
    }

    static final int MAX_SUBJECT = 120;
    static final int MAX_BODY = 2000;
}
