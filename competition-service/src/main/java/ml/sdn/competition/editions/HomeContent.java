package ml.sdn.competition.editions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ml.sdn.competition.validation.HttpsUrl;

import java.util.List;

/**
 * What the public home page tells about an edition beyond its dates and theme, written by organizers in French
 * and English: the venue's city and a map link (https only, people open it on their phones), per category the
 * prizes and who may enter, how to reach the organizers, and questions with their answers. Every part is
 * optional; a text is given in both languages or not at all. Kept inside the edition ({@link Edition#home()})
 * and sent back as it is in the edition's view.
 */
public record HomeContent(
        @Size(max = 120, message = "{edition.home.venueCity.size}") String venueCity,
        @Size(max = 500, message = "{edition.home.mapLink.size}") @HttpsUrl(message = "{edition.home.mapLink.invalid}")
        String mapLink,
        @Valid Text contact,
        @Size(max = 2, message = "{edition.home.categories.size}")
        List<@NotNull(message = "{edition.home.category.required}") @Valid CategoryContent> categories,
        @Size(max = 20, message = "{edition.home.questions.size}")
        List<@NotNull(message = "{edition.home.question.required}") @Valid Question> questions) {

    /** A text in French and English (up to 2,000 characters each). */
    public record Text(
            @Size(max = 2000, message = "{edition.home.text.size}") String fr,
            @Size(max = 2000, message = "{edition.home.text.size}") String en) {

        boolean blank() {
            return (fr == null || fr.isBlank()) && (en == null || en.isBlank());
        }

        boolean half() {
            return !blank() && (fr == null || fr.isBlank() || en == null || en.isBlank());
        }

        Text stripped() {
            return blank() ? null : new Text(fr.strip(), en.strip());
        }
    }

    /** The prizes of a category and who may enter it. */
    public record CategoryContent(
            @NotNull(message = "{edition.home.category.code.required}") CategoryCode code,
            @Valid Text prizes,
            @Valid Text whoMayEnter) {
    }

    /** A question and its answer, each in both languages. */
    public record Question(
            @NotNull(message = "{edition.home.question.required}") @Valid Text question,
            @NotNull(message = "{edition.home.answer.required}") @Valid Text answer) {
    }
}
