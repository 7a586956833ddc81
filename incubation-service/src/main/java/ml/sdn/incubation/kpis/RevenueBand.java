package ml.sdn.incubation.kpis;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The month's revenue (turnover invoiced in the month), in CFA francs (XOF), as a band: incubatees
 * rarely keep exact monthly accounts and do not want to publish them. Lower bound included, upper
 * excluded: NONE = 0; UNDER_1M_XOF = 1 to 999,999; 1M_10M_XOF = 1,000,000 to 9,999,999;
 * 10M_50M_XOF = 10,000,000 to 49,999,999; OVER_50M_XOF = 50,000,000 and more.
 */
public enum RevenueBand {
    NONE,
    UNDER_1M_XOF,
    @JsonProperty("1M_10M_XOF") FROM_1M_TO_10M_XOF,
    @JsonProperty("10M_50M_XOF") FROM_10M_TO_50M_XOF,
    OVER_50M_XOF
}
