package ducha.site;

/** Filters of the site list; null means "any". */
public record SiteFilter(SiteType type, String district, String township, Boolean active, String text) {
}
