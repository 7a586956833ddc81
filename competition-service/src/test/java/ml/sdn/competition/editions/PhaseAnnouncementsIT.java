package ml.sdn.competition.editions;

import ml.sdn.competition.CompetitionFixtures;
import ml.sdn.competition.ServiceIT;
import ml.sdn.events.Topics;
import ml.sdn.events.competition.PhaseChanged;
import ml.sdn.testing.PublishedEvents;
import ml.sdn.testing.ServiceApi;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Each category's phase is announced once it opens: one event and one audit line, whatever runs the job. */
class PhaseAnnouncementsIT extends ServiceIT {

    private static PublishedEvents categoryEvents;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PhaseAnnouncements announcements;

    private CompetitionFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CompetitionFixtures(mongo);
        if (categoryEvents == null) {
            categoryEvents = new PublishedEvents(broker.getBrokersAsString(), Topics.COMPETITION_CATEGORIES);
        }
    }

    @AfterAll
    static void closeEvents() {
        if (categoryEvents != null) {
            categoryEvents.close();
            categoryEvents = null;
        }
    }

    @Test
    void the_phase_open_now_is_announced_once_and_earlier_phases_are_not() throws Exception {
        Category category = fixtures.category(fixtures.edition(), CategoryCode.START_UP_CHALLENGE, Phase.EVALUATION);

        CompletableFuture.allOf(IntStream.range(0, 4).mapToObj(i -> CompletableFuture.runAsync(() ->
                announcements.announceAll(Instant.now()))).toArray(CompletableFuture[]::new)).get();
        announcements.announceAll(Instant.now());

        assertThat(mongo.count(query(where("categoryId").is(category.id())), PhaseAnnouncement.class)).isEqualTo(1);
        PublishedEvents.Event event = categoryEvents.await(PhaseChanged.TYPE.type(), category.id(), p -> true, 1).get(0);
        assertThat(event.payload().get("phase").asString()).isEqualTo("EVALUATION");
        assertThat(event.payload().get("categoryCode").asString()).isEqualTo("START_UP_CHALLENGE");
        assertThat(Instant.parse(event.payload().get("startedAt").asString())).isEqualTo(category.timeline().start(Phase.EVALUATION));
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                categoryEvents.matching(PhaseChanged.TYPE.type(), category.id(), p -> true).size() == 1);
        ServiceApi.Response audit = api().get("/api/competitions/audit?categoryId=" + category.id() + "&action=PHASE_CHANGED",
                ISSUER.token("organizer-phases", "ML", "organizer"));
        JsonNode entries = audit.json().get("content");
        assertThat(entries.size()).isEqualTo(1);
        assertThat(entries.get(0).get("actorId").isNull()).isTrue();
        assertThat(entries.get(0).get("details").get("phase").asString()).isEqualTo("EVALUATION");
    }

    @Test
    void a_phase_that_opened_long_ago_is_not_announced_and_nothing_is_before_submission_opens() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<Phase, Instant> old = new EnumMap<>(Phase.class);
        Map<Phase, Instant> future = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            old.put(phase, now.minus(Duration.ofDays(400 - phase.ordinal() * 30L)));
            future.put(phase, now.plus(Duration.ofDays(10 + phase.ordinal() * 30L)));
        }
        Category closedLongAgo = fixtures.category(fixtures.edition(), CategoryCode.PROJECT_CONTEST, old, CategorySettings.DEFAULT);
        Category notYetOpen = fixtures.category(fixtures.edition(), CategoryCode.PROJECT_CONTEST, future, CategorySettings.DEFAULT);

        assertThat(announcements.announce(closedLongAgo, now)).isEmpty();
        assertThat(announcements.announce(notYetOpen, now)).isEmpty();
        assertThat(mongo.count(query(where("categoryId").in(closedLongAgo.id(), notYetOpen.id())), PhaseAnnouncement.class)).isZero();
    }
}
