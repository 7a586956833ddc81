package ml.sdn.competition.applications;

import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.Phase;
import ml.sdn.events.Topics;
import ml.sdn.events.registration.ParticipantErased;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A participant's erasure, arriving as registration's event on the real broker. */
class ApplicantErasureIT extends ApplicationsITBase {

    @Autowired
    ApplicantErasure erasure;

    private ApplicantErasure erasure() {
        return erasure;
    }

    @Test
    void drafts_are_deleted_and_submitted_applications_keep_their_place_without_the_team_names() {
        Person awa = person("ML");
        Category contest = category(CategoryCode.PROJECT_CONTEST, Phase.SUBMISSION);
        Category challenge = category(CategoryCode.START_UP_CHALLENGE, Phase.SUBMISSION);
        String submittedId = submitted(awa, contest, null);
        String draftId = drafted(awa, draftJson(challenge, organization(awa, "SME").id(), "Brouillon"));
        Application before = mongo.findById(submittedId, Application.class);

        Instant erasedAt = Instant.now();
        String erasure = """
                {"participantId": "%s", "erasedAt": "%s"}""".formatted(awa.id(), erasedAt);
        send(Topics.REGISTRATION_PARTICIPANTS, null, awa.id(), UUID.randomUUID().toString(), ParticipantErased.TYPE.type(), erasure);

        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(draftId, Application.class) == null);
        Application after = await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(submittedId, Application.class),
                application -> application.content().team().stream().allMatch(member -> "—".equals(member.name())));
        assertThat(after.content().team()).extracting(Application.TeamMember::role).containsExactly("porteuse de projet");
        assertThat(after.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(after.reference()).isEqualTo(before.reference());
        assertThat(after.content().title()).isEqualTo(before.content().title());
        assertThat(after.claimKey()).isEqualTo(before.claimKey());

        // delivered again: nothing more changes
        erasure().erase(awa.id(), erasedAt);
        assertThat(mongo.findById(submittedId, Application.class).version()).isEqualTo(after.version());
    }
}
