package ml.sdn.competition.ranking;

import ml.sdn.competition.applications.Application;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.Edition;
import ml.sdn.competition.editions.Editions;
import ml.sdn.competition.editions.Timeline;
import ml.sdn.competition.jury.Round;
import ml.sdn.platform.csv.SpreadsheetCsv;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The organizer's ranking of a category round: as an explained view and as a CSV file. */
@Service
class RankingReports {

    private final Editions editions;
    private final CategoryRankings rankings;
    private final MessageSource messages;
    private final Clock clock;

    RankingReports(Editions editions, CategoryRankings rankings, MessageSource messages, ObjectProvider<Clock> clock) {
        this.editions = editions;
        this.rankings = rankings;
        this.messages = messages;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    RankingView view(String categoryId, Round round, Locale locale) {
        Category category = category(categoryId);
        RoundRanking ranking = rankings.rank(category, round, locale);
        Instant now = clock.instant();
        Timeline timeline = category.timeline();
        Instant roundEnds = timeline.end(round.phase()).orElse(null);

        // pseudonyms: jurors numbered in the order of their ids, the same number on every line
        Map<String, List<Double>> totalsByJuror = new TreeMap<>();
        List<Double> allTotals = new ArrayList<>();
        for (ApplicationScore score : ranking.lines()) {
            for (ReviewScore review : score.reviews()) {
                totalsByJuror.computeIfAbsent(review.jurorId(), j -> new ArrayList<>()).add(review.rawTotal());
                allTotals.add(review.rawTotal());
            }
        }
        Map<String, Integer> numbers = new HashMap<>();
        new TreeSet<>(totalsByJuror.keySet()).forEach(juror -> numbers.put(juror, numbers.size() + 1));
        List<RankingView.JurorLine> jurors = new ArrayList<>();
        totalsByJuror.forEach((juror, totals) -> jurors.add(new RankingView.JurorLine(numbers.get(juror),
                jurorLabel(numbers.get(juror), locale), totals.size(), round4(mean(totals)), round4(spread(totals)))));

        List<RankingView.Line> lines = new ArrayList<>();
        for (ApplicationScore score : ranking.lines()) {
            Application application = ranking.applications().get(score.applicationId());
            List<RankingView.ReviewLine> reviews = score.reviews().stream()
                    .map(r -> new RankingView.ReviewLine(numbers.get(r.jurorId()), jurorLabel(numbers.get(r.jurorId()), locale),
                            round4(r.rawTotal()), round4(r.normalisedTotal())))
                    .sorted(java.util.Comparator.comparingInt(RankingView.ReviewLine::jurorNumber)).toList();
            Map<String, Double> averages = new LinkedHashMap<>();
            score.criterionAverages().forEach((criterion, average) -> averages.put(criterion, round4(average)));
            boolean ranked = score.ranked();
            lines.add(new RankingView.Line(score.rank(),
                    ranked ? null : "TOO_FEW_COMPLETED_REVIEWS",
                    ranked ? null : text(locale, "ranking.not-ranked.too-few-reviews", score.completedReviews(),
                            category.settings().minimumCompletedReviews()),
                    score.applicationId(), application.reference(), title(application),
                    round4(score.finalScore()), round4(score.rawMean()), round4(score.normalisedMean()), averages,
                    score.completedReviews(), reviews,
                    application.selection() == null ? null : application.selection().status(),
                    application.incubation() == null ? null : application.incubation().status()));
        }

        List<String> scoring = new ArrayList<>();
        scoring.add(text(locale, "ranking.rule.total"));
        scoring.add(text(locale, category.settings().normalisePerJuror() ? "ranking.rule.normalisation.on" : "ranking.rule.normalisation.off"));
        scoring.add(text(locale, "ranking.rule.final-score"));
        scoring.add(text(locale, "ranking.rule.minimum", category.settings().minimumCompletedReviews()));
        List<String> tieBreaks = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            tieBreaks.add(text(locale, "ranking.tie-break." + i));
        }
        return new RankingView(category.id(), category.editionId(), category.code(), round,
                timeline.phaseAt(now).orElse(null), roundEnds == null || now.isBefore(roundEnds), roundEnds,
                category.preselectCount(), category.settings().normalisePerJuror(),
                category.settings().minimumCompletedReviews(), category.criteria(),
                new RankingView.Spread(allTotals.size(), allTotals.isEmpty() ? null : round4(mean(allTotals)),
                        allTotals.isEmpty() ? null : round4(spread(allTotals))),
                jurors, scoring, tieBreaks, lines, now);
    }

    /**
     * The export (CSV or XLSX, the same rows): French headers by default, English when the request asks for English;
     * its first line names the edition, the category, the round and when it was made.
     */
    Export export(String categoryId, Round round, Locale locale) {
        Category category = category(categoryId);
        RoundRanking ranking = rankings.rank(category, round, locale);
        Map<String, String> titles = new HashMap<>();
        Map<String, String> references = new HashMap<>();
        ranking.applications().forEach((id, application) -> {
            titles.put(id, title(application));
            if (application.reference() != null) {
                references.put(id, application.reference());
            }
        });
        boolean english = locale != null && "en".equals(locale.getLanguage());
        RankingCsv.Labels labels = english ? RankingCsv.Labels.ENGLISH : RankingCsv.Labels.FRENCH;
        String editionName = editions.find(category.editionId()).map(Edition::label).orElse("");
        String fileTitle = labels.fileTitle(editionName, category.nameIn(locale), round == Round.FINAL, clock.instant());
        // only server-made parts (enums): nothing a participant wrote reaches the header
        String fileName = (english ? "ranking-" : "classement-") + category.code().name().toLowerCase(Locale.ROOT)
                + "-" + round.name().toLowerCase(Locale.ROOT);
        return new Export(RankingCsv.file(fileTitle, ranking.ranking(), references, titles, labels), fileName);
    }

    /** @param fileName without extension */
    record Export(SpreadsheetCsv sheet, String fileName) {
    }

    private Category category(String categoryId) {
        return editions.findCategory(categoryId)
                .orElseThrow(() -> new NotFoundException("selection.category.not-found", categoryId));
    }

    private String jurorLabel(int number, Locale locale) {
        return text(locale, "ranking.juror", number);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String title(Application application) {
        return application.content() == null ? null : application.content().title();
    }

    private static double mean(List<Double> values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    /** Population standard deviation, as the normalisation uses it. */
    private static double spread(List<Double> values) {
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / values.size());
    }

    static Double round4(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
