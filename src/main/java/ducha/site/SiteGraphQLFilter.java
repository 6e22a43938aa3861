package ducha.site;

import ducha.common.Params;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("SiteFilter")
@Description("Which sites; every field is optional and they combine with AND.")
public record SiteGraphQLFilter(
        @Description("Only sites of this kind.") SiteType type,
        @Description("Only sites of this district.") String district,
        @Description("Only sites of this township or street.") String township,
        @Description("Only active (true) or retired (false) sites.") Boolean active,
        @Description("Text contained in the code, name or address.") String text) {

    public static SiteFilter toFilter(SiteGraphQLFilter filter) {
        return filter == null ? new SiteFilter(null, null, null, null, null)
                : new SiteFilter(filter.type, Params.text("district", filter.district, 100),
                        Params.text("township", filter.township, 100), filter.active, Params.text("text", filter.text, 200));
    }
}
