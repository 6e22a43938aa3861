package ducha.site;

import ducha.common.Params;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SiteInput")
@Description("A site to create, or the new state of one.")
public record SiteGraphQLInput(
        @Id @Description("Optional client-chosen id, on create only.") String id,
        @NonNull @Description("Unique code: 1 to 64 letters, digits, '.', '_' or '-'.") String code,
        @NonNull @Description("Name of the place.") String name,
        @NonNull @Description("Kind of place.") SiteType type,
        @Description("County or district.") String district,
        @Description("Township or street.") String township,
        @Description("Postal address.") String address,
        @Description("WGS-84 latitude.") Double latitude,
        @Description("WGS-84 longitude.") Double longitude,
        @Description("Defaults to true.") Boolean active) {

    public SiteInput toInput() {
        return new SiteInput(Params.uuid("id", id), code, name, type, district, township, address, latitude, longitude,
                active);
    }
}
