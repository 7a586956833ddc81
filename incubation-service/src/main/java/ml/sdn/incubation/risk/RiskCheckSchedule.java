package ml.sdn.incubation.risk;

import ml.sdn.platform.scheduling.LockedJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Runs the check every {@code sdn.incubation.risk-check-interval} (first run {@code risk-check-initial-delay}
 * after start). A ShedLock lock (collection shedLock, like the outbox relay's) keeps a second instance from
 * doing the same work at the same time; correctness does not depend on it (see {@link RiskCheck}).
 */
@Component
class RiskCheckSchedule {

    static final String LOCK_NAME = "sdn-incubation-risk-check";
    private static final Logger log = LoggerFactory.getLogger(RiskCheckSchedule.class);

    private final RiskCheck check;
    private final LockedJob job;

    RiskCheckSchedule(RiskCheck check, MongoTemplate mongo,
                      @Value("${sdn.incubation.risk-check-lock-at-most-for:10m}") Duration lockAtMostFor) {
        this.check = check;
        this.job = LockedJob.named(LOCK_NAME, mongo, lockAtMostFor);
    }

    @Scheduled(fixedDelayString = "${sdn.incubation.risk-check-interval:1h}",
            initialDelayString = "${sdn.incubation.risk-check-initial-delay:30s}")
    void run() {
        job.runOrLog(check::checkAll, log, "Risk check run failed");
    }
}
