package ml.sdn.competition.jury;

import ml.sdn.competition.audit.AuditAction;
import ml.sdn.competition.audit.AuditTrail;
import ml.sdn.competition.applications.Application;
import ml.sdn.competition.applications.ApplicationStatus;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.registrations.RegisteredOrganizations;
import ml.sdn.competition.registrations.RegisteredParticipant;
import ml.sdn.competition.registrations.RegisteredParticipants;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.FieldChecks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The jury of each category, named by organizers with the usernames people sign in with. A juror must
 * have signed in and completed a registration profile: that copy gives their participant id (the
 * token's subject, which their reviews are keyed by), their name and their organisations.
 */
@Service
class JuryRosters {

    private final MongoTemplate mongo;
    private final Assignments assignments;
    private final JuryStates states;
    private final RegisteredParticipants participants;
    private final RegisteredOrganizations organizations;
    private final ReviewWrites writes;
    private final CategoryLocks locks;
    private final AuditTrail audit;
    private final Clock clock;

    JuryRosters(MongoTemplate mongo, Assignments assignments, JuryStates states, RegisteredParticipants participants,
                RegisteredOrganizations organizations, ReviewWrites writes, CategoryLocks locks, AuditTrail audit, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.assignments = assignments;
        this.states = states;
        this.participants = participants;
        this.organizations = organizations;
        this.writes = writes;
        this.locks = locks;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    RosterView read(String categoryId) {
        Category category = assignments.category(categoryId);
        JuryRoster roster = mongo.findById(category.id(), JuryRoster.class);
        return view(category, roster == null ? null : roster.updatedAt(), null);
    }

    /**
     * Replaces the category's jury. Each username must belong to a profile and to someone who may judge the
     * category (neither applying in it nor sharing an organisation with its applicants): otherwise one 400
     * naming every {@code usernames[i]} at fault, with the person and the reason. The pending reviews of jurors taken off are withdrawn (their
     * scored ones stay); audited with who was added and removed.
     */
    RosterView replace(Caller caller, String categoryId, RosterRequest request) {
        Category category = assignments.category(categoryId);
        List<String> usernames = request.usernames().stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
        Set<String> seen = new HashSet<>();
        FieldChecks checks = FieldChecks.none();
        Map<Integer, RegisteredParticipant> found = new LinkedHashMap<>();
        for (int i = 0; i < usernames.size(); i++) {
            String username = usernames.get(i);
            if (!seen.add(username)) {
                checks.reject("usernames[" + i + "]", "jury.roster.username.repeated", username);
                continue;
            }
            Optional<RegisteredParticipant> person = participants.findByUsername(username);
            if (person.isEmpty()) {
                checks.reject("usernames[" + i + "]", "jury.roster.username.unknown", username);
            } else {
                found.put(i, person.get());
            }
        }
        refuseApplicants(category, found, checks);
        checks.throwIfAny();
        List<RegisteredParticipant> people = List.copyOf(found.values());
        return locks.holding(category.id(), () -> {
            Instant now = clock.instant();
            JuryRoster before = mongo.findById(category.id(), JuryRoster.class);
            Map<String, JuryRoster.Member> previous = before == null ? Map.of()
                    : before.jurors().stream().collect(Collectors.toMap(JuryRoster.Member::jurorId, Function.identity()));
            List<JuryRoster.Member> members = people.stream().map(person -> new JuryRoster.Member(person.id(),
                    person.username(), previous.containsKey(person.id()) ? previous.get(person.id()).addedAt() : now)).toList();
            mongo.findAndModify(query(where("categoryId").is(category.id())),
                    new Update().set("editionId", category.editionId()).set("jurors", members).set("updatedBy", caller.id())
                            .set("updatedAt", now).inc("version", 1),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), JuryRoster.class);

            Set<String> kept = members.stream().map(JuryRoster.Member::jurorId).collect(Collectors.toSet());
            List<JuryRoster.Member> removed = previous.values().stream().filter(member -> !kept.contains(member.jurorId())).toList();
            List<JuryRoster.Member> added = members.stream().filter(member -> !previous.containsKey(member.jurorId())).toList();
            int withdrawn = 0;
            for (JuryRoster.Member member : removed) {
                for (JuryReview pending : mongo.find(query(where("categoryId").is(category.id()).and("jurorId").is(member.jurorId())
                        .and("status").is(ReviewStatus.ASSIGNED)), JuryReview.class)) {
                    if (writes.end(pending, ReviewStatus.REMOVED, "removed from the category's jury", EndKind.ROSTER,
                            ReviewWrites.UNASSIGNED_REMOVED, Assignments.PENDING, false, now) != null) {
                        withdrawn++;
                    }
                }
            }
            if (!added.isEmpty() || !removed.isEmpty()) {
                Map<String, String> details = new LinkedHashMap<>();
                details.put("added", added.stream().map(JuryRoster.Member::username).sorted().collect(Collectors.joining(",")));
                details.put("removed", removed.stream().map(JuryRoster.Member::username).sorted().collect(Collectors.joining(",")));
                details.put("jurors", String.valueOf(members.size()));
                details.put("withdrawnReviews", String.valueOf(withdrawn));
                audit.record(caller, AuditAction.JURY_CHANGED, category.editionId(), category.id(), category.id(), null, details);
            }
            return view(category, now, withdrawn);
        });
    }

    /**
     * Names every person who may not sit on this category's jury ({@link RosterEligibility}): an applicant, a
     * member of an applying organisation, or someone sharing an organisation with an applicant (drafts count:
     * the person is applying; withdrawn applications do not).
     */
    private void refuseApplicants(Category category, Map<Integer, RegisteredParticipant> people, FieldChecks checks) {
        if (people.isEmpty()) {
            return;
        }
        org.springframework.data.mongodb.core.query.Query applying = query(where("categoryId").is(category.id())
                .and("status").ne(ApplicationStatus.WITHDRAWN));
        applying.fields().include("applicantId").include("organizationId");
        List<RosterEligibility.Applying> applications = mongo.find(applying, Application.class).stream()
                .map(application -> new RosterEligibility.Applying(application.applicantId(), application.organizationId()))
                .toList();
        if (applications.isEmpty()) {
            return;
        }
        Set<String> ids = new HashSet<>();
        people.values().forEach(person -> ids.add(person.id()));
        applications.forEach(application -> ids.add(application.applicantId()));
        Map<String, Set<String>> memberships = organizations.membershipsOf(ids);
        people.forEach((index, person) -> RosterEligibility.refusal(person.id(), applications, memberships).ifPresent(reason ->
                checks.reject("usernames[" + index + "]", "jury.roster.refused." + reason.name(), person.username())));
    }

    private RosterView view(Category category, Instant updatedAt, Integer withdrawn) {
        List<RosterJuror> roster = states.roster(category.id());
        Map<String, long[]> counts = new HashMap<>();
        for (JuryReview review : mongo.find(query(where("categoryId").is(category.id()).and("status").in(Assignments.ACTIVE)),
                JuryReview.class)) {
            long[] count = counts.computeIfAbsent(review.jurorId(), id -> new long[2]);
            count[review.status() == ReviewStatus.ASSIGNED ? 0 : 1]++;
        }
        List<RosterView.Entry> entries = roster.stream().sorted(java.util.Comparator.comparing(RosterJuror::username))
                .map(juror -> {
                    long[] count = counts.getOrDefault(juror.id(), new long[2]);
                    return new RosterView.Entry(juror.id(), juror.username(), juror.displayName(),
                            juror.organisationIds().size(), juror.available(), count[0], count[1]);
                }).toList();
        return new RosterView(category.id(), entries, updatedAt, withdrawn);
    }
}
