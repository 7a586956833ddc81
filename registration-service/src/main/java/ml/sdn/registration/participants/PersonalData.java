package ml.sdn.registration.participants;

/**
 * What one feature of this service holds about a person, so that the person's export
 * ({@code GET …/participants/me/export}) and erasure ({@code DELETE …/participants/me}) cover every
 * feature without the participants feature knowing them. Each feature that stores personal data
 * (organisations, attendance…) provides one bean.
 */
public interface PersonalData {

    /** The key of this feature's section in the export, e.g. {@code "organizations"}. */
    String section();

    /** Everything this feature holds about the participant, as JSON-ready records, lists or maps. */
    Object exportOf(String participantId);

    /**
     * Anonymises or deletes what this feature holds about the participant. Runs when the participant's
     * erasure event comes back from Kafka, so it must be idempotent: a redelivered event runs it again.
     */
    void erase(String participantId);
}
