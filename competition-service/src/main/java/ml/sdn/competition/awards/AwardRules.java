package ml.sdn.competition.awards;

import ml.sdn.competition.ranking.ApplicationScore;
import ml.sdn.competition.ranking.Ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who wins what, from the final ranking of each category's finalists. The rules:
 * <ol>
 *   <li><b>Category prizes</b>: ranks 1, 2 and 3 of a category's final ranking get 1st, 2nd and 3rd.
 *       Only ranked finalists can win (enough completed reviews, see
 *       {@link ml.sdn.competition.ranking.Ranking}); with fewer than three ranked, the missing places are
 *       not awarded and listed as such.</li>
 *   <li><b>Special Prize for the best women-led initiative</b>: the best-ranked women-led finalist
 *       across categories who holds no category prize ({@link AwardSettings#womenLedPrizeMayOverlap()}
 *       lifts that condition). Women-led is registration's derived flag, taken as given.</li>
 *   <li><b>Best-ranked across categories</b> = {@link Ranking#ORDER} applied to finalists of all
 *       categories together: higher final score first, then higher raw mean, more completed reviews,
 *       earlier submission, smaller application id. Final scores are on the same 0–10 scale in every
 *       category (normalised or not), whereas a rank position depends on how many and how strong the
 *       others in a category are: 4th of ten strong start-ups may beat 2nd of three projects.</li>
 *   <li><b>Not awarded</b>: no women-led finalist, none of them ranked, or all of them already
 *       holding a category prize (without overlap) — the {@link SpecialPrize.NotAwardedReason} says which.</li>
 * </ol>
 */
public final class AwardRules {

    private static final List<Place> PLACES = List.of(Place.FIRST, Place.SECOND, Place.THIRD);

    private AwardRules() {
    }

    /**
     * @param finals             each category's final ranking, in the order results are shown
     * @param womenLedApplicationIds the finalists whose organisation is women-led
     * @throws IllegalArgumentException when a category appears twice or an application in two categories
     */
    public static Awards award(List<CategoryFinal> finals, Set<String> womenLedApplicationIds, AwardSettings settings) {
        Set<String> categoryIds = new HashSet<>();
        Set<String> applicationIds = new HashSet<>();
        for (CategoryFinal f : finals) {
            if (!categoryIds.add(f.categoryId())) {
                throw new IllegalArgumentException("category listed twice: " + f.categoryId());
            }
            for (ApplicationScore s : allOf(f)) {
                if (!applicationIds.add(s.applicationId())) {
                    throw new IllegalArgumentException("application in two categories: " + s.applicationId());
                }
            }
        }

        List<CategoryAwards> categories = new ArrayList<>();
        Set<String> prizeHolders = new HashSet<>();
        for (CategoryFinal f : finals) {
            List<ApplicationScore> ranked = f.ranking().ranked().stream()
                    .sorted(Comparator.comparing(ApplicationScore::rank)).toList();
            List<Award> awarded = new ArrayList<>();
            List<Place> notAwarded = new ArrayList<>();
            for (int i = 0; i < PLACES.size(); i++) {
                if (i < ranked.size()) {
                    ApplicationScore s = ranked.get(i);
                    awarded.add(new Award(f.categoryId(), PLACES.get(i), s.applicationId(), s.finalScore()));
                    prizeHolders.add(s.applicationId());
                } else {
                    notAwarded.add(PLACES.get(i));
                }
            }
            categories.add(new CategoryAwards(f.categoryId(), awarded, notAwarded));
        }
        return new Awards(categories, womenLedPrize(finals, womenLedApplicationIds, prizeHolders, settings));
    }

    private static SpecialPrize womenLedPrize(List<CategoryFinal> finals, Set<String> womenLed,
                                              Set<String> prizeHolders, AwardSettings settings) {
        boolean anyWomenLed = false;
        boolean anyRanked = false;
        ApplicationScore best = null;
        String bestCategory = null;
        for (CategoryFinal f : finals) {
            for (ApplicationScore s : allOf(f)) {
                if (!womenLed.contains(s.applicationId())) {
                    continue;
                }
                anyWomenLed = true;
                if (!s.ranked()) {
                    continue;
                }
                anyRanked = true;
                if (!settings.womenLedPrizeMayOverlap() && prizeHolders.contains(s.applicationId())) {
                    continue;
                }
                if (best == null || Ranking.ORDER.compare(s, best) < 0) {
                    best = s;
                    bestCategory = f.categoryId();
                }
            }
        }
        if (best != null) {
            return SpecialPrize.awarded(best.applicationId(), bestCategory, best.rank(), best.finalScore());
        }
        if (!anyWomenLed) {
            return SpecialPrize.notAwarded(SpecialPrize.NotAwardedReason.NO_WOMEN_LED_FINALIST);
        }
        if (!anyRanked) {
            return SpecialPrize.notAwarded(SpecialPrize.NotAwardedReason.NO_RANKED_WOMEN_LED_FINALIST);
        }
        return SpecialPrize.notAwarded(SpecialPrize.NotAwardedReason.EVERY_WOMEN_LED_FINALIST_HOLDS_A_TOP_THREE_PRIZE);
    }

    private static List<ApplicationScore> allOf(CategoryFinal f) {
        List<ApplicationScore> all = new ArrayList<>(f.ranking().ranked());
        all.addAll(f.ranking().notRanked());
        return all;
    }
}
