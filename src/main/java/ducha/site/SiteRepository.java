package ducha.site;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class SiteRepository implements PanacheRepositoryBase<Site, UUID> {

    /** What still points at the site, or empty when it may be deleted. */
    public Uni<Optional<String>> firstReference(UUID siteId) {
        return getSession().chain(session -> session.createNativeQuery("""
                select case
                    when exists(select 1 from inspection where site_id = :id) then 'inspections'
                    when exists(select 1 from finding where site_id = :id) then 'findings'
                    when exists(select 1 from notice where site_id = :id) then 'notices'
                end""", String.class)
                .setParameter("id", siteId)
                .getSingleResult()
                .map(Optional::ofNullable));
    }
}
