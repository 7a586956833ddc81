package ml.sdn.competition.applications;

import ml.sdn.competition.registrations.ParticipantCopyChanged;
import ml.sdn.platform.outbox.LostRace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A participant's erasure, as far as applications go: their drafts (never seen by anyone) are deleted
 * with their PDFs; their submitted and withdrawn applications stay, for the competition's integrity
 * (rankings, receipts, awards), with the team members' names replaced by {@value #ERASED_NAME}. Only
 * applications created up to the erasure are touched, and doing it again changes nothing, so a
 * redelivered event is harmless.
 */
@Service
public class ApplicantErasure {

    public static final String ERASED_NAME = "—";

    private static final Logger log = LoggerFactory.getLogger(ApplicantErasure.class);

    private final MongoTemplate mongo;

    ApplicantErasure(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener
    void on(ParticipantCopyChanged.Erased erased) {
        erase(erased.participantId(), erased.erasedAt());
    }

    public void erase(String participantId, Instant erasedAt) {
        int deleted = 0;
        for (Application draft : mongo.find(query(where("applicantId").is(participantId)
                .and("status").is(ApplicationStatus.DRAFT).and("createdAt").lte(erasedAt)), Application.class)) {
            // a draft submitted meanwhile is not deleted here: it is anonymised below
            if (mongo.remove(query(where("id").is(draft.id()).and("status").is(ApplicationStatus.DRAFT)), Application.class)
                    .getDeletedCount() > 0) {
                deleted++;
                if (draft.attachment() != null) {
                    mongo.remove(query(where("id").is(draft.attachment().fileId())), AttachmentFile.class);
                }
            }
        }
        int anonymised = 0;
        for (Application kept : mongo.find(query(where("applicantId").is(participantId)
                .and("status").in(ApplicationStatus.SUBMITTED, ApplicationStatus.WITHDRAWN).and("createdAt").lte(erasedAt)),
                Application.class)) {
            if (LostRace.retry(3, () -> anonymise(kept.id()))) {
                anonymised++;
            }
        }
        log.info("Participant {} erased: {} draft(s) deleted, {} application(s) anonymised", participantId, deleted, anonymised);
    }

    private boolean anonymise(String applicationId) {
        Application application = mongo.findById(applicationId, Application.class);
        List<Application.TeamMember> team = application == null || application.content() == null
                || application.content().team() == null ? List.of() : application.content().team();
        if (team.stream().allMatch(member -> ERASED_NAME.equals(member.name()))) {
            return false;
        }
        List<Application.TeamMember> anonymous = team.stream()
                .map(member -> new Application.TeamMember(ERASED_NAME, member.role())).toList();
        // only the team: the selection and incubation parts of the document belong to other features
        Application saved = mongo.findAndModify(query(where("id").is(applicationId).and("version").is(application.version())),
                new Update().set("content.team", anonymous).inc("version", 1), FindAndModifyOptions.options().returnNew(true),
                Application.class);
        if (saved == null) {
            throw new OptimisticLockingFailureException("Application " + applicationId + " changed while being anonymised");
        }
        return true;
    }
}
