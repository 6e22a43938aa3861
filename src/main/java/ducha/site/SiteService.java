package ducha.site;

import static ducha.common.Texts.blankToNull;

import ducha.change.ChangeLog;
import ducha.change.ChangeOp;
import ducha.common.Batches;
import ducha.common.ConflictException;
import ducha.common.Cursors;
import ducha.common.ExpectedVersions;
import ducha.common.InvalidInputException;
import ducha.common.Page;
import ducha.common.PageRequest;
import ducha.common.HqlFilter;
import ducha.common.ResourceNotFoundException;
import ducha.common.Versions;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SiteService {

    static final String ENTITY = "site";

    private final SiteRepository sites;
    private final ChangeLog changes;

    public SiteService(SiteRepository sites, ChangeLog changes) {
        this.sites = sites;
        this.changes = changes;
    }

    /** The row as a view, or null when there is none. */
    @WithSession
    public Uni<SiteView> find(UUID id) {
        return sites.findById(id).map(row -> row == null ? null : SiteView.of(row));
    }

    @WithSession
    public Uni<SiteView> get(UUID id) {
        return require(id).map(SiteView::of);
    }

    /** Sites in code order. */
    @WithSession
    public Uni<Page<SiteView>> list(SiteFilter filter, PageRequest page) {
        HqlFilter query = new HqlFilter()
                .where("type = :type", "type", filter.type())
                .where("district = :district", "district", filter.district())
                .where("township = :township", "township", filter.township())
                .where("active = :active", "active", filter.active())
                .text(filter.text(), "code", "name", "address");
        if (page.cursor() != null) {
            query.where("code > :afterCode", "afterCode", Cursors.textKey(page.cursor()));
        }
        return sites.find(query.hql(), Sort.by("code"), query.parameters())
                .range(0, page.limit())
                .list()
                .map(rows -> Page.of(rows, page.limit(), site -> Cursors.ofText(site.code)).map(SiteView::of));
    }

    /** The sites of the given ids, in their order (null where none), in one query. */
    @WithSession
    public Uni<List<SiteView>> byIds(List<UUID> ids) {
        return sites.list("id in ?1", Batches.distinct(ids))
                .map(rows -> Batches.one(ids, rows.stream().map(SiteView::of).toList(), SiteView::id));
    }

    /** A retry of an earlier create with the same client id and fields answers the site it made. */
    @WithTransaction
    public Uni<SiteView> create(@Valid @NotNull SiteInput input, boolean onlyIfAbsent) {
        return changes.earlierCreate(ENTITY, input.id(), input, onlyIfAbsent, sites::findById)
                .chain(earlier -> earlier != null ? Uni.createFrom().item(SiteView.of(earlier)) : insert(input));
    }

    private Uni<SiteView> insert(SiteInput input) {
        Site site = new Site();
        site.id = input.id() != null ? input.id() : UUID.randomUUID();
        apply(site, input);
        return sites.persistAndFlush(site)
                .call(saved -> changes.record(ENTITY, saved.id, ChangeOp.CREATE, saved.version, SiteView.of(saved), null))
                .map(SiteView::of);
    }

    @WithTransaction
    public Uni<SiteView> update(UUID id, ExpectedVersions expectedVersion, @Valid @NotNull SiteInput input) {
        if (input.id() != null && !input.id().equals(id)) {
            return Uni.createFrom().failure(new InvalidInputException("id", "must match the site being changed"));
        }
        return require(id)
                .invoke(site -> Versions.check(ENTITY, id, expectedVersion, site.version))
                .invoke(site -> {
                    apply(site, input);
                    site.touch();
                })
                .call(sites::flush)
                .call(site -> changes.record(ENTITY, id, ChangeOp.UPDATE, site.version, SiteView.of(site), null))
                .map(SiteView::of);
    }

    /** Only an unreferenced site can go; one with history is deactivated instead. */
    @WithTransaction
    public Uni<Void> delete(UUID id, ExpectedVersions expectedVersion) {
        return require(id)
                .invoke(site -> Versions.check(ENTITY, id, expectedVersion, site.version))
                .call(site -> sites.firstReference(id).invoke(reference -> reference.ifPresent(what -> {
                    throw new ConflictException("Site " + site.code + " still has " + what
                            + "; set it inactive instead of deleting it.");
                })))
                .call(site -> sites.delete(site).call(sites::flush))
                .call(site -> changes.record(ENTITY, id, ChangeOp.DELETE, site.version, SiteView.of(site), null))
                .replaceWithVoid();
    }

    Uni<Site> require(UUID id) {
        return sites.findById(id).onItem().ifNull().failWith(() -> new ResourceNotFoundException(ENTITY, id));
    }

    private static void apply(Site site, SiteInput input) {
        site.code = input.code();
        site.name = input.name().trim();
        site.type = input.type();
        site.district = blankToNull(input.district());
        site.township = blankToNull(input.township());
        site.address = blankToNull(input.address());
        site.latitude = input.latitude();
        site.longitude = input.longitude();
        site.active = input.active() == null || input.active();
    }
}
