package ml.sdn.registration.programme;

import ml.sdn.platform.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class ProgrammeConfiguration {

    /** Sessions carry their pending events (SessionMoved); the platform's relay publishes them. */
    @Bean
    OutboxCollection programmeSessionsOutbox() {
        return new OutboxCollection(ProgrammeSession.COLLECTION);
    }

    /** Agenda entries carry SessionPlaceGiven, written with the place itself. */
    @Bean
    OutboxCollection programmeAgendaOutbox() {
        return new OutboxCollection(AgendaEntry.COLLECTION);
    }

    /** The indexes the agenda's rules rely on, created at start-up. */
    @Bean
    ProgrammeIndexes programmeIndexes(MongoTemplate mongo) {
        return new ProgrammeIndexes(mongo);
    }

    static final class ProgrammeIndexes {

        ProgrammeIndexes(MongoTemplate mongo) {
            var agenda = mongo.indexOps(AgendaEntry.COLLECTION);
            // one entry per person and session
            agenda.createIndex(new Index().on("participantId", Sort.Direction.ASC).on("sessionId", Sort.Direction.ASC)
                    .unique().named("participant_session"));
            // the waiting list in order
            agenda.createIndex(new Index().on("sessionId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                    .on("sequence", Sort.Direction.ASC).named("session_status_sequence"));
            mongo.indexOps(ProgrammeSession.COLLECTION).createIndex(new Index().on("startsAt", Sort.Direction.ASC).named("starts"));
        }
    }
}
