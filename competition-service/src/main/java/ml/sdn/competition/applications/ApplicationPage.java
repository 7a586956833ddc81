package ml.sdn.competition.applications;

import java.util.List;

/** A page of applications, newest first. */
public record ApplicationPage(List<ApplicationStatusView> content, int page, int size, long totalElements, int totalPages) {

    static ApplicationPage of(List<ApplicationStatusView> content, int page, int size, long total) {
        return new ApplicationPage(content, page, size, total, (int) ((total + size - 1) / size));
    }
}
