package ml.sdn.competition.ranking;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-juror normalisation of review totals, so that a harsh or a lenient juror does not decide the
 * ranking (decision 0006).
 *
 * <p>For the completed reviews of one category, with μ and σ the mean and population standard
 * deviation of <em>all</em> their raw totals, and m<sub>j</sub>, s<sub>j</sub> those of juror j's own
 * totals:
 * <ul>
 *   <li>normalised = clamp(μ + σ × (raw − m<sub>j</sub>) / s<sub>j</sub>, 0, 10): the juror's z-score,
 *       mapped back onto the category's own 0–10 scale, so a normalised 7 means what an average
 *       juror of this category would call a 7;</li>
 *   <li>a juror with a <b>single</b> review keeps the raw total: one review says nothing about how
 *       harsh they are, and erasing it would throw their opinion away;</li>
 *   <li>a juror whose totals are <b>all equal</b> (s<sub>j</sub> below 10<sup>-9</sup>, two reviews or
 *       more) gets μ for each: z = 0, they did not tell their applications apart;</li>
 *   <li>population standard deviations (divide by n), for the category and for each juror.</li>
 * </ul>
 */
public final class Normalisation {

    /** Below this, a standard deviation is zero: rounding makes equal totals differ by ~1e-15. */
    static final double ZERO_SPREAD = 1e-9;

    private Normalisation() {
    }

    /**
     * @param jurorIds  juror of each review
     * @param rawTotals raw total (0–10) of each review, same index
     * @return the normalised total of each review, same index
     */
    public static double[] normalise(String[] jurorIds, double[] rawTotals) {
        if (jurorIds.length != rawTotals.length) {
            throw new IllegalArgumentException("one juror per total");
        }
        int n = rawTotals.length;
        double[] normalised = new double[n];
        if (n == 0) {
            return normalised;
        }
        // two passes (means, then squared deviations): equal totals must give a spread of ~0,
        // which the one-pass sum-of-squares formula does not guarantee
        Spread category = new Spread();
        Map<String, Spread> byJuror = new HashMap<>();
        Spread[] jurorOf = new Spread[n];
        for (int i = 0; i < n; i++) {
            category.add(rawTotals[i]);
            jurorOf[i] = byJuror.computeIfAbsent(jurorIds[i], j -> new Spread());
            jurorOf[i].add(rawTotals[i]);
        }
        for (int i = 0; i < n; i++) {
            category.addDeviation(rawTotals[i]);
            jurorOf[i].addDeviation(rawTotals[i]);
        }
        double mu = category.mean();
        double sigma = category.sd();
        for (int i = 0; i < n; i++) {
            Spread juror = jurorOf[i];
            if (juror.count == 1) {
                normalised[i] = rawTotals[i];
            } else if (juror.sd() < ZERO_SPREAD) {
                normalised[i] = mu;
            } else {
                double z = (rawTotals[i] - juror.mean()) / juror.sd();
                normalised[i] = Math.max(0, Math.min(10, mu + sigma * z));
            }
        }
        return normalised;
    }

    /** Mean, then population standard deviation from the deviations added once the mean is known. */
    private static final class Spread {
        int count;
        double sum;
        double squaredDeviations;

        void add(double x) {
            count++;
            sum += x;
        }

        void addDeviation(double x) {
            double d = x - mean();
            squaredDeviations += d * d;
        }

        double mean() {
            return sum / count;
        }

        double sd() {
            return Math.sqrt(squaredDeviations / count);
        }
    }
}
