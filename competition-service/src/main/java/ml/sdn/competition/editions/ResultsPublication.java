package ml.sdn.competition.editions;

/**
 * Whether an edition's results are published, as the awards feature knows it: the public edition view says
 * so, so that pages offer the results only once there are some. An interface here, implemented in
 * {@code awards} (which depends on editions, not the other way round).
 */
public interface ResultsPublication {

    boolean published(String editionId);
}
