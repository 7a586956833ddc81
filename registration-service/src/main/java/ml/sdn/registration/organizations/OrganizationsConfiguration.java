package ml.sdn.registration.organizations;

import ml.sdn.platform.outbox.OutboxCollection;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class OrganizationsConfiguration {

    /** Organisation documents carry their pending events (registered, updated, member joined). */
    @Bean
    OutboxCollection organizationsOutbox() {
        return new OutboxCollection(Organization.COLLECTION);
    }

    /** Invitation documents carry their MemberInvited event (keyed by the organisation). */
    @Bean
    OutboxCollection invitationsOutbox() {
        return new OutboxCollection(Invitation.COLLECTION);
    }

    /**
     * The indexes the rules rely on, created at start (creating an existing index is a no-op): the unique
     * (country, nameKey) that refuses a second organisation of the same name in a country even when both
     * arrive at once, the invitation token hash, and the lookups by member, owner and e-mail. Done before the
     * web server takes requests; a store that cannot be reached then stops the start (the rule would not hold).
     */
    @Bean
    SmartInitializingSingleton organizationIndexes(MongoTemplate mongo) {
        return () -> {
            IndexOperations organizations = mongo.indexOps(Organization.class);
            organizations.createIndex(new Index().on("country", Sort.Direction.ASC).on("nameKey", Sort.Direction.ASC)
                    .unique().named("country_nameKey_unique"));
            organizations.createIndex(new Index().on("members.participantId", Sort.Direction.ASC).named("members_participantId"));
            organizations.createIndex(new Index().on("ownerId", Sort.Direction.ASC).named("ownerId"));
            IndexOperations invitations = mongo.indexOps(Invitation.class);
            invitations.createIndex(new Index().on("tokenHash", Sort.Direction.ASC).unique().named("tokenHash_unique"));
            invitations.createIndex(new Index().on("organizationId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                    .named("organizationId_createdAt"));
            invitations.createIndex(new Index().on("emailKey", Sort.Direction.ASC).named("emailKey"));
            invitations.createIndex(new Index().on("purgeAt", Sort.Direction.ASC).expire(Duration.ZERO).named("purgeAt_ttl"));
            mongo.indexOps(Memberships.Membership.class)
                    .createIndex(new Index().on("participantId", Sort.Direction.ASC).named("participantId"));
        };
    }
}
