package ml.sdn.competition.applications;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The reads other features need (jury, selection, results): applications in a category by where they
 * stand, oldest submission first, so that every caller sees them in the same order.
 */
@Service
public class ApplicationDirectory {

    private static final Sort BY_SUBMISSION = Sort.by("submittedAt", "id");

    private final MongoTemplate mongo;

    ApplicationDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Application> find(String applicationId) {
        return Optional.ofNullable(mongo.findById(applicationId, Application.class));
    }

    /** Submitted and not withdrawn: what the preselection jury reviews. */
    public List<Application> submittedIn(String categoryId) {
        return mongo.find(query(where("categoryId").is(categoryId).and("status").is(ApplicationStatus.SUBMITTED))
                .with(BY_SUBMISSION), Application.class);
    }

    /** Preselected by an organizer, dropped from the incubation or not. */
    public List<Application> preselectedIn(String categoryId) {
        return mongo.find(query(where("categoryId").is(categoryId).and("status").is(ApplicationStatus.SUBMITTED)
                .and("selection.status").is(Application.SelectionStatus.PRESELECTED)).with(BY_SUBMISSION), Application.class);
    }

    /** Preselected and still in (not dropped from the incubation): what the final round ranks. */
    public List<Application> finalistsIn(String categoryId) {
        return preselectedIn(categoryId).stream().filter(Application::finalist).toList();
    }
}
