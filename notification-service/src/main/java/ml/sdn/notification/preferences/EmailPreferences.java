package ml.sdn.notification.preferences;

import ml.sdn.notification.catalogue.NotificationKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Each person's e-mail and SMS choice per kind, one document per person in {@code email_preferences}
 * ({@code _id} = their subject, {@code email} and {@code sms} = kind name → on). Only what they chose is
 * stored, so a kind added to the catalogue later starts on. The inbox is not concerned: every kind lands there.
 */
@Component
public class EmailPreferences {

    static final String COLLECTION = "email_preferences";

    @Document(COLLECTION)
    record Stored(@Id String recipientId, Map<String, Boolean> email, Map<String, Boolean> sms, Instant updatedAt) {
    }

    private final MongoTemplate mongo;

    public EmailPreferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Whether this kind may be e-mailed to this person: required kinds always, others unless switched off. */
    public boolean emailOn(String recipientId, NotificationKind kind) {
        if (kind.emailRequired()) {
            return true;
        }
        return EmailChoices.emailOn(kind, stored(recipientId));
    }

    /** Every kind of the catalogue, in its order, with whether e-mail is on for this person. */
    public Map<NotificationKind, Boolean> of(String recipientId) {
        Map<String, Boolean> stored = stored(recipientId);
        Map<NotificationKind, Boolean> all = new LinkedHashMap<>();
        for (NotificationKind kind : NotificationKind.values()) {
            if (kind.forPeople()) {
                all.put(kind, EmailChoices.emailOn(kind, stored));
            }
        }
        return all;
    }

    /** Whether this kind may be sent by SMS to this person: a kind sent by SMS, required or not switched off. */
    public boolean smsOn(String recipientId, NotificationKind kind) {
        if (!kind.bySms()) {
            return false;
        }
        if (kind.smsRequired()) {
            return true;
        }
        Stored stored = mongo.findById(recipientId, Stored.class);
        return EmailChoices.smsOn(kind, stored == null ? null : stored.sms());
    }

    /** The kinds sent by SMS, in catalogue order, with whether SMS is on for this person. */
    public Map<NotificationKind, Boolean> smsOf(String recipientId) {
        Stored stored = mongo.findById(recipientId, Stored.class);
        Map<NotificationKind, Boolean> all = new LinkedHashMap<>();
        for (NotificationKind kind : NotificationKind.values()) {
            if (kind.bySms()) {
                all.put(kind, EmailChoices.smsOn(kind, stored == null ? null : stored.sms()));
            }
        }
        return all;
    }

    /** One atomic upsert: each kind given is set, the others keep their value. */
    void change(String recipientId, Map<NotificationKind, Boolean> changes) {
        change(recipientId, changes, Map.of());
    }

    /** The same for both channels at once. */
    void change(String recipientId, Map<NotificationKind, Boolean> email, Map<NotificationKind, Boolean> sms) {
        Update update = new Update().set("updatedAt", Instant.now());
        email.forEach((kind, on) -> update.set("email." + kind.name(), on));
        sms.forEach((kind, on) -> update.set("sms." + kind.name(), on));
        mongo.upsert(query(where("_id").is(recipientId)), update, Stored.class);
    }

    /** A person was erased: their choices go too. */
    public void erase(String recipientId) {
        mongo.remove(query(where("_id").is(recipientId)), Stored.class);
    }

    private Map<String, Boolean> stored(String recipientId) {
        Stored stored = mongo.findById(recipientId, Stored.class);
        return stored == null ? null : stored.email();
    }
}
