package ml.sdn.registration.attendance;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The badge codes a door's device may give walk-ins while offline (see {@link WalkInCode}). Codes are made here,
 * from the same alphabet and randomness as every badge, so a device can neither choose nor guess one; each is
 * for one staff member, one device and one day, and is used once.
 */
@Component
class WalkInCodes {

    /** Enough for a long offline spell at one door; topped up at each download. */
    static final int BLOCK = 10;
    /** The device of codes drawn for the door's page without its script (never listed for a device: no device has this id). */
    static final String PAGE = "page:online";

    private final MongoTemplate mongo;
    private final Badges badges;
    private final SecureRandom random = new SecureRandom();

    WalkInCodes(MongoTemplate mongo, Badges badges) {
        this.mongo = mongo;
        this.badges = badges;
    }

    /** The device's unused codes for the day, topped up to {@link #BLOCK}: downloading again adds none in between. */
    List<String> reserve(String staffId, String device, LocalDate day, Instant now) {
        List<String> codes = new ArrayList<>(mongo.find(query(where("staffId").is(staffId).and("device").is(device)
                .and("day").is(day.toString()).and("clientId").is(null)), WalkInCode.class).stream().map(WalkInCode::code).toList());
        while (codes.size() < BLOCK) {
            codes.add(draw(staffId, device, day, now));
        }
        return codes.stream().sorted().toList();
    }

    /**
     * The code for a walk-in registered from the door's page while online (no device codes without its script): the
     * one already written for this client id (the same form sent again), else a new one set aside for the page.
     */
    String forClient(String staffId, LocalDate day, String clientId, Instant now) {
        WalkInCode written = mongo.findOne(query(where("staffId").is(staffId).and("day").is(day.toString())
                .and("clientId").is(clientId)), WalkInCode.class);
        return written != null ? written.code() : draw(staffId, PAGE, day, now);
    }

    /** A new code set aside for the staff member, device and day. */
    private String draw(String staffId, String device, LocalDate day, Instant now) {
        while (true) {
            String code = BadgeCode.generate(random);
            if (badges.withCode(code).isPresent()) {
                continue; // 80 random bits: never in practice, but a badge's code is never handed out twice
            }
            try {
                mongo.insert(new WalkInCode(code, day.toString(), staffId, device, now, null, null, null));
                return code;
            } catch (DuplicateKeyException reservedAlready) {
                // the same draw for another device: draw again
            }
        }
    }

    /** What an upload may do with a code. */
    enum Claim {
        /** Reserved for this staff member and day, and now this walk-in's (or already was: an upload repeated). */
        OURS,
        /** Already written for another walk-in (another device, or the same one twice): not a second person. */
        TAKEN,
        /** Not a code set aside for this staff member and day: forged, another's, or another day's. */
        NOT_RESERVED
    }

    record Claimed(Claim claim, WalkInCode code) {
    }

    /** Gives the code to the walk-in the device calls {@code clientId}, once: the first upload wins it. */
    Claimed claim(String code, String staffId, LocalDate day, String clientId, Instant now) {
        WalkInCode won = mongo.findAndModify(query(where("_id").is(code).and("staffId").is(staffId)
                        .and("day").is(day.toString()).and("clientId").is(null)),
                new Update().set("clientId", clientId).set("usedAt", now),
                FindAndModifyOptions.options().returnNew(true), WalkInCode.class);
        if (won != null) {
            return new Claimed(Claim.OURS, won);
        }
        WalkInCode known = mongo.findById(code, WalkInCode.class);
        if (known == null || !known.staffId().equals(staffId) || !known.day().equals(day.toString())) {
            return new Claimed(Claim.NOT_RESERVED, known);
        }
        return new Claimed(clientId.equals(known.clientId()) ? Claim.OURS : Claim.TAKEN, known);
    }

    void used(String code, String walkInId) {
        mongo.updateFirst(query(where("_id").is(code)), new Update().set("walkInId", walkInId), WalkInCode.class);
    }

    /**
     * Erasure of a door's staff member: the codes set aside for them and never used go (nobody may use them any
     * more), the used ones stay for the walk-ins holding them but no longer name who downloaded them.
     */
    void forgetStaff(String staffId) {
        mongo.remove(query(where("staffId").is(staffId).and("clientId").is(null)), WalkInCode.class);
        for (WalkInCode used : mongo.find(query(where("staffId").is(staffId)), WalkInCode.class)) {
            mongo.updateFirst(query(where("_id").is(used.code()).and("staffId").is(staffId)),
                    new Update().set("staffId", "erased:" + used.code()).unset("device"), WalkInCode.class);
        }
    }

    /**
     * Erasure of a walk-in: the codes written for them no longer lead to their record. The device's client id stays:
     * it names nobody, and keeps the code used (never handed out again).
     */
    void forgetWalkIn(String walkInId) {
        mongo.updateMulti(query(where("walkInId").is(walkInId)), new Update().unset("walkInId"), WalkInCode.class);
    }
}
