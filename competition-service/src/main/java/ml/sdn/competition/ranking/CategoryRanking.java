package ml.sdn.competition.ranking;

import java.util.List;

/**
 * The ranking of one category: {@code ranked} in rank order (1, 2, 3, … with no shared rank), then
 * the applications that are {@code notRanked} (too few completed reviews), in the same order of
 * scores so that organisers see who is closest.
 */
public record CategoryRanking(
        List<Criterion> criteria,
        RankingSettings settings,
        List<ApplicationScore> ranked,
        List<ApplicationScore> notRanked) {

    public CategoryRanking {
        criteria = List.copyOf(criteria);
        ranked = List.copyOf(ranked);
        notRanked = List.copyOf(notRanked);
    }
}
