package ml.sdn.competition.editions;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A competition category of an edition; (editionId, code) is unique (index). {@code organizationTypes}
 * are the registration organisation types it admits, stored as decided at creation. Criteria weights
 * sum to 100 and jurors score each from {@code scaleMin} to {@code scaleMax}. {@code phases} holds
 * every phase's start as an instant, in phase order; {@code timeZone} is the zone people read them in.
 */
@Document(Category.COLLECTION)
public record Category(
        @Id String id,
        String editionId,
        CategoryCode code,
        List<String> organizationTypes,
        LocalizedText name,
        List<String> challenges,
        List<Criterion> criteria,
        int scaleMin,
        int scaleMax,
        int preselectCount,
        List<PhaseStart> phases,
        String timeZone,
        CategorySettings settings,
        String createdBy,
        Instant createdAt,
        @Version Long version) {

    public static final String COLLECTION = "competition_categories";

    /** Categories stored before settings existed read with the defaults. */
    public Category {
        settings = CategorySettings.orDefault(settings);
    }
    public static final int SCALE_MIN = 0;
    public static final int SCALE_MAX = 10;

    public record LocalizedText(String fr, String en) {
    }

    /** {@code weight} in percent of the review total. */
    public record Criterion(String code, LocalizedText label, int weight) {
    }

    public record PhaseStart(Phase phase, Instant start) {
    }

    /** The category as organizers named it, in the reader's language (French when English is missing); its code else. */
    public String nameIn(java.util.Locale locale) {
        if (name == null) {
            return code.name();
        }
        return locale != null && "en".equals(locale.getLanguage()) && name.en() != null ? name.en() : name.fr();
    }

    /** The gate later features ask ("which phase is open", "is this action allowed"). */
    public Timeline timeline() {
        Map<Phase, Instant> starts = new EnumMap<>(Phase.class);
        phases.forEach(start -> starts.put(start.phase(), start.start()));
        return Timeline.of(starts);
    }
}
