package ml.sdn.registration.attendance;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A person's badge for the whole week (collection {@code attendance_badges}, {@code _id} = participant
 * id, unique {@code code}): one code to scan each day, copied into each confirmed attendance. Issued at
 * the first confirmation, deleted at erasure.
 */
@Document(Badge.COLLECTION)
record Badge(@Id String participantId, String code, Instant issuedAt) {

    static final String COLLECTION = "attendance_badges";
}
