package ml.sdn.registration.attendance;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A person with no account, registered by an organizer or a coordinator (collection {@code attendance_walkins}):
 * what the badge and the door need, and how to reach them. Their id ({@code walkin:<uuid>}) stands for a
 * participant id in their attendances and their badge, so that the door checks them in like anyone.
 *
 * @param identityKey the person as a re-import recognises them: country, name (accents and case ignored) and the
 *                    e-mail, else the phone's digits (unique: registering the same person twice finds them)
 * @param searchKey   the name's search key, for the door's search
 * @param organizationKey the organisation's search key, for the door's search
 * @param claimedBy    the account that claimed the badge ({@link BadgeClaims}): the person's registrations are theirs
 *                     since; null while nobody has
 * @param claimedCode  the badge code the claim named (the walk-in's badge is gone after it): a second claim of it is told
 *                     it was claimed already
 * @param failedClaims wrong proofs given for this badge: past {@link BadgeClaim#MAX_FAILED}, nobody may claim it
 */
@Document(WalkIn.COLLECTION)
record WalkIn(
        @Id String id,
        String identityKey,
        String name,
        String searchKey,
        AttendeeCategory category,
        String country,
        String organization,
        String organizationKey,
        String phone,
        String email,
        String registeredBy,
        Instant registeredAt,
        String claimedBy,
        Instant claimedAt,
        String claimedCode,
        Integer failedClaims) {

    static final String COLLECTION = "attendance_walkins";
    static final String ID_PREFIX = "walkin:";
}
