package ml.sdn.bench;

import ml.sdn.competition.jury.Review;
import ml.sdn.competition.ranking.Candidate;
import ml.sdn.competition.ranking.CategoryRanking;
import ml.sdn.competition.ranking.Criterion;
import ml.sdn.competition.ranking.Ranking;
import ml.sdn.competition.ranking.RankingCsv;
import ml.sdn.competition.ranking.RankingSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Ranks one category of {@code applications} applications, each with 3 completed reviews by 3
 * different jurors out of a pool of 60 (each juror has a fixed bias from −2 to +2), 4 criteria
 * weighted 30/30/20/20. Inputs are built once per trial with a fixed seed; only the ranking is timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RankingBenchmark {

    private static final int JURORS = 60;
    private static final int REVIEWS_PER_APPLICATION = 3;

    @Param("10000")
    public int applications;

    private List<Criterion> criteria;
    private List<Candidate> candidates;
    private List<Review> reviews;
    private CategoryRanking ranking;
    private final RankingSettings normalised = new RankingSettings(true, 3);
    private final RankingSettings raw = new RankingSettings(false, 3);

    @Setup
    public void setUp() {
        Random random = new Random(42);
        criteria = List.of(new Criterion("innovation", "Innovation", 30), new Criterion("impact", "Impact", 30),
                new Criterion("feasibility", "Faisabilité", 20), new Criterion("team", "Équipe", 20));
        double[] bias = new double[JURORS];
        for (int j = 0; j < JURORS; j++) {
            bias[j] = -2 + 4 * random.nextDouble();
        }
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        candidates = new ArrayList<>(applications);
        reviews = new ArrayList<>(applications * REVIEWS_PER_APPLICATION);
        for (int a = 0; a < applications; a++) {
            String id = "app-" + a;
            candidates.add(new Candidate(id, start.plusSeconds(random.nextInt(30 * 24 * 3600))));
            double quality = 2 + 6 * random.nextDouble();
            Set<Integer> jurors = new LinkedHashSet<>();
            while (jurors.size() < REVIEWS_PER_APPLICATION) {
                jurors.add(random.nextInt(JURORS));
            }
            for (int j : jurors) {
                Map<String, Double> scores = new HashMap<>();
                for (Criterion c : criteria) {
                    double s = quality + bias[j] + random.nextGaussian();
                    scores.put(c.id(), Math.round(Math.max(0, Math.min(10, s)) * 2) / 2.0);
                }
                reviews.add(new Review(id, "juror-" + j, scores, true));
            }
        }
        ranking = Ranking.rank(criteria, candidates, reviews, normalised);
    }

    @Benchmark
    public CategoryRanking rankWithNormalisation() {
        return Ranking.rank(criteria, candidates, reviews, normalised);
    }

    @Benchmark
    public CategoryRanking rankWithoutNormalisation() {
        return Ranking.rank(criteria, candidates, reviews, raw);
    }

    @Benchmark
    public byte[] exportCsv() {
        return RankingCsv.bytes("Édition 3 (2026) — Start-up Challenge — classement de la présélection", ranking, Map.of(),
                RankingCsv.Labels.FRENCH);
    }
}
