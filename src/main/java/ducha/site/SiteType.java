package ducha.site;

@org.eclipse.microprofile.graphql.Description("Kind of place that is inspected.")
public enum SiteType {
    CHECKPOINT, TESTING_POINT, HOSPITAL, CLINIC, CDC, MARKET, SUPERMARKET, PHARMACY, QUARANTINE_SITE, SCHOOL,
    CONSTRUCTION_SITE, ENTERPRISE, ELDERLY_CARE, GOVERNMENT_OFFICE, COMMUNITY_OFFICE, OTHER
}
