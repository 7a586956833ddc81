package ml.sdn.competition.jury;

import ml.sdn.competition.applications.Application;
import ml.sdn.competition.applications.ApplicationDirectory;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.registrations.RegisteredOrganizations;
import ml.sdn.competition.registrations.RegisteredParticipant;
import ml.sdn.competition.registrations.RegisteredParticipants;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Reads a category's jury: its roster resolved against the registration copy, and a round's state. */
@Component
class JuryStates {

    private final MongoTemplate mongo;
    private final ApplicationDirectory applications;
    private final RegisteredParticipants participants;
    private final RegisteredOrganizations organizations;

    JuryStates(MongoTemplate mongo, ApplicationDirectory applications, RegisteredParticipants participants,
               RegisteredOrganizations organizations) {
        this.mongo = mongo;
        this.applications = applications;
        this.participants = participants;
        this.organizations = organizations;
    }

    JuryState load(Category category, Round round) {
        List<Application> reviewed = round == Round.PRESELECTION
                ? applications.submittedIn(category.id())
                : applications.finalistsIn(category.id());
        List<JuryReview> reviews = mongo.find(query(where("categoryId").is(category.id()).and("round").is(round))
                .with(Sort.by("id")), JuryReview.class);
        Set<DeclaredConflict> declared = mongo.find(query(where("categoryId").is(category.id())
                        .and("status").is(ReviewStatus.CONFLICTED)), JuryReview.class).stream()
                .map(review -> new DeclaredConflict(review.jurorId(), review.applicationId())).collect(Collectors.toSet());
        // only an organizer's removal is for good (before the kind was recorded, every removal counted as one)
        Set<DeclaredConflict> removed = reviews.stream().filter(review -> review.status() == ReviewStatus.REMOVED)
                .filter(review -> review.endKind() == null || review.endKind() == EndKind.ORGANIZER)
                .map(review -> new DeclaredConflict(review.jurorId(), review.applicationId())).collect(Collectors.toSet());
        return new JuryState(category, round, roster(category.id()), reviewed, reviews, declared, removed);
    }

    /** The category's jurors in roster order (empty before organizers name any). */
    List<RosterJuror> roster(String categoryId) {
        JuryRoster roster = mongo.findById(categoryId, JuryRoster.class);
        if (roster == null || roster.jurors().isEmpty()) {
            return List.of();
        }
        List<String> ids = roster.jurors().stream().map(JuryRoster.Member::jurorId).toList();
        Map<String, RegisteredParticipant> copies = participants.findAll(ids).stream()
                .collect(Collectors.toMap(RegisteredParticipant::id, Function.identity()));
        Map<String, Set<String>> memberships = organizations.membershipsOf(ids);
        return roster.jurors().stream().map(member -> {
            RegisteredParticipant copy = copies.get(member.jurorId());
            boolean available = copy != null && !copy.erased();
            return new RosterJuror(member.jurorId(), member.username(), available ? copy.displayName() : null,
                    memberships.getOrDefault(member.jurorId(), Set.of()), available);
        }).toList();
    }

    /** Usernames of these participants from the registration copy (erased or unknown ones are absent). */
    Map<String, String> usernames(Collection<String> participantIds) {
        Map<String, String> usernames = new HashMap<>();
        participants.findAll(participantIds).stream().filter(copy -> copy.username() != null)
                .forEach(copy -> usernames.put(copy.id(), copy.username()));
        return usernames;
    }
}
