package ml.sdn.competition.applications;

import ml.sdn.competition.editions.CategoryCode;

/**
 * The receipt number an applicant gets at their first submission, to quote on the phone or at the
 * desk: {@code SDN<edition number>-<SUC|PRC>-<sequence>}, the sequence counted per edition and
 * category from 1 and written with at least four digits ({@code SDN3-SUC-0042}, then {@code SDN3-SUC-10000}).
 */
public final class ReceiptReference {

    private ReceiptReference() {
    }

    public static String format(int editionNumber, CategoryCode category, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        return "SDN%d-%s-%04d".formatted(editionNumber, abbreviation(category), sequence);
    }

    static String abbreviation(CategoryCode category) {
        return switch (category) {
            case START_UP_CHALLENGE -> "SUC";
            case PROJECT_CONTEST -> "PRC";
        };
    }
}
