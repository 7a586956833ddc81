package ml.sdn.registration.attendance;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** One badge code per person for the whole week, issued once, whichever instance asks first. */
@Component
class Badges {

    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final SecureRandom random = new SecureRandom();

    Badges(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The person's badge code, issued now if they have none yet. */
    String codeOf(String participantId, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                // upsert with $setOnInsert: an existing badge is returned unchanged
                Badge badge = mongo.findAndModify(query(where("_id").is(participantId)),
                        new Update().setOnInsert("code", BadgeCode.generate(random)).setOnInsert("issuedAt", now),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Badge.class);
                return badge.code();
            } catch (DuplicateKeyException e) {
                // another instance issued it at the same moment (same _id), or the random code exists (unique code): try again
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * The person's badge with the code a door wrote on a paper badge offline ({@link WalkInCodes}); a person who
     * has a badge already keeps theirs (the answer says which code counts). Empty: another person holds this code.
     */
    Optional<String> issue(String participantId, String code, Instant now) {
        try {
            Badge badge = mongo.findAndModify(query(where("_id").is(participantId)),
                    new Update().setOnInsert("code", code).setOnInsert("issuedAt", now),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Badge.class);
            return Optional.of(badge.code());
        } catch (DuplicateKeyException e) {
            // the same person at the same moment (same _id): theirs stands; else the code is someone else's
            return of(participantId).map(Badge::code);
        }
    }

    Optional<Badge> of(String participantId) {
        return Optional.ofNullable(mongo.findById(participantId, Badge.class));
    }

    /** The badge with this (canonical) code, whoever holds it. */
    Optional<Badge> withCode(String code) {
        return Optional.ofNullable(mongo.findOne(query(where("code").is(code)), Badge.class));
    }

    void delete(String participantId) {
        mongo.remove(query(where("_id").is(participantId)), Badge.class);
    }
}
