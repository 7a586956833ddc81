package ml.sdn.competition.applications;

import ml.sdn.platform.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class ApplicationsConfiguration {

    /** Applications carry their pending events; the platform's relay publishes them. */
    @Bean
    OutboxCollection applicationsOutbox() {
        return new OutboxCollection(Application.COLLECTION);
    }

    /** Deadline extensions carry their DeadlineExtended event the same way. */
    @Bean
    OutboxCollection deadlineExtensionsOutbox() {
        return new OutboxCollection(DeadlineExtension.COLLECTION);
    }

    /** A draft an organisation's owner deleted keeps the DraftReleased event for its member here. */
    @Bean
    OutboxCollection releasedDraftsOutbox() {
        return new OutboxCollection(ReleasedDraft.COLLECTION);
    }

    /** The indexes the rules rely on, created at start-up (the service does not start without them). */
    @Bean
    ApplicationIndexes applicationIndexes(MongoTemplate mongo) {
        return new ApplicationIndexes(mongo);
    }

    static final class ApplicationIndexes {

        ApplicationIndexes(MongoTemplate mongo) {
            var applications = mongo.indexOps(Application.COLLECTION);
            // one live application per organisation (or person alone) per category
            applications.createIndex(new Index().on("claimKey", Sort.Direction.ASC).unique().sparse().named("claim"));
            // a category's applications by status, in submission order (jury, selection)
            applications.createIndex(new Index().on("categoryId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                    .on("submittedAt", Sort.Direction.ASC).named("category_status_submitted"));
            // "my applications"
            applications.createIndex(new Index().on("applicantId", Sort.Direction.ASC).named("applicant"));
            // receipt numbers are unique
            applications.createIndex(new Index().on("reference", Sort.Direction.ASC).unique().sparse().named("reference"));
            // "the applications of a country" (coordinators), newest first
            applications.createIndex(new Index().on("country", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                    .named("country_created"));
            // the drafts held for an organisation (its owner's list)
            applications.createIndex(new Index().on("organizationId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                    .named("organization_status"));
            // a category's extensions, read at every applicant action
            mongo.indexOps(DeadlineExtension.COLLECTION).createIndex(new Index().on("categoryId", Sort.Direction.ASC)
                    .named("category"));
            // an application's PDF files
            mongo.indexOps(AttachmentFile.COLLECTION).createIndex(new Index().on("applicationId", Sort.Direction.ASC)
                    .named("application"));
        }
    }
}
