package ml.sdn.competition.feedback;

import ml.sdn.competition.applications.Application;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.Editions;
import ml.sdn.competition.jury.JuryReview;
import ml.sdn.competition.jury.ReviewStatus;
import ml.sdn.competition.jury.Round;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The jury's comments for the applicant, where the category shares them, once the preselection is confirmed
 * (the application then carries its selection). The application is looked up as "this one of this applicant",
 * so anyone else, or the applicant too early or in a category that keeps comments, finds nothing (404) and
 * learns nothing.
 */
@Service
public class Feedback {

    private final MongoTemplate mongo;
    private final Editions editions;

    Feedback(MongoTemplate mongo, Editions editions) {
        this.mongo = mongo;
        this.editions = editions;
    }

    public ApplicantFeedback of(Caller caller, String applicationId) {
        Application application = mongo.findOne(query(where("id").is(applicationId).and("applicantId").is(caller.id())
                .and("selection").ne(null)), Application.class);
        Category category = application == null ? null : editions.findCategory(application.categoryId()).orElse(null);
        if (category == null || !category.settings().shareCommentsWithApplicants()) {
            throw new NotFoundException("feedback.not-found", applicationId);
        }
        boolean scores = category.settings().shareScoresWithApplicants();
        List<JuryReview> submitted = mongo.find(query(where("applicationId").is(applicationId).and("round").is(Round.PRESELECTION)
                .and("status").is(ReviewStatus.SUBMITTED)), JuryReview.class);
        List<ApplicantFeedback.Review> reviews = new ArrayList<>();
        for (JuryReview review : submitted.stream().sorted(Comparator.comparing(JuryReview::submittedAt,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList()) {
            List<ApplicantFeedback.Comment> comments = new ArrayList<>();
            for (Category.Criterion criterion : category.criteria()) {
                JuryReview.CriterionScore given = review.scores().get(criterion.code());
                if (given == null) {
                    continue;
                }
                String comment = given.comment() == null || given.comment().isBlank() ? null : given.comment().strip();
                if (comment != null || scores) {
                    comments.add(new ApplicantFeedback.Comment(criterion.code(), criterion.label(), scores ? given.score() : null, comment));
                }
            }
            if (!comments.isEmpty()) {
                reviews.add(new ApplicantFeedback.Review(reviews.size() + 1, comments));
            }
        }
        return new ApplicantFeedback(applicationId, scores, reviews);
    }
}
