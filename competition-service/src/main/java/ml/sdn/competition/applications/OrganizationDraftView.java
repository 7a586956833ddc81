package ml.sdn.competition.applications;

import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;

import java.time.Instant;

/**
 * A draft a member holds for an organisation, as its owner sees it: which category, which title, who holds it
 * ({@code holderName}: absent when that member's profile has not reached this service), when it last changed.
 */
public record OrganizationDraftView(
        String id,
        String organizationId,
        String organizationName,
        String categoryId,
        CategoryCode categoryCode,
        Category.LocalizedText categoryName,
        String title,
        String holderName,
        boolean hasAttachment,
        Instant updatedAt) {
}
