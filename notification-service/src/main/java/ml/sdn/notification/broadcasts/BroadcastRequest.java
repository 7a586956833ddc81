package ml.sdn.notification.broadcasts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What the sender writes: the audience ({@code EVERYONE} or {@code COUNTRY} with {@code country}; a coordinator
 * may leave both out, their delegation is taken), optionally a {@code day} (ISO date: only the people holding a
 * place for it), a subject and a text in French and in English, and whether
 * to send it by SMS too. Subjects fit an e-mail's subject line; texts fit a screen (an SMS is cut at the
 * installation's segment cap, with an ellipsis).
 */
record BroadcastRequest(
        String audience,
        String country,
        String day,
        @NotBlank(message = "{notification.broadcasts.subject-missing}")
        @Size(max = BroadcastRequest.MAX_SUBJECT, message = "{notification.broadcasts.subject-too-long}") String subjectFr,
        @NotBlank(message = "{notification.broadcasts.body-missing}")
        @Size(max = BroadcastRequest.MAX_BODY, message = "{notification.broadcasts.body-too-long}") String bodyFr,
        @NotBlank(message = "{notification.broadcasts.subject-missing}")
        @Size(max = BroadcastRequest.MAX_SUBJECT, message = "{notification.broadcasts.subject-too-long}") String subjectEn,
        @NotBlank(message = "{notification.broadcasts.body-missing}")
        @Size(max = BroadcastRequest.MAX_BODY, message = "{notification.broadcasts.body-too-long}") String bodyEn,
        Boolean sms) {

    /** Left out: no SMS. */
    boolean bySms() {
        return Boolean.TRUE.equals(sms);
    }

    static final int MAX_SUBJECT = 120;
    static final int MAX_BODY = 2000;
}
